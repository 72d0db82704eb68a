package org.jointworks.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded store's layer tables keep no two indexes over the same columns (decision 98): every
 * index is one more B-tree entry and undo-log record per imported row, and H2 makes an index of
 * its own for a foreign key declared in CREATE TABLE, beside any the schema creates.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class H2LayerIndexesTest {
  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
  }

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void noLayerTableHasTwoIndexesOverTheSameColumns() {
    for (Layer layer : Layer.values()) {
      Map<String, List<String>> columns = new LinkedHashMap<>();
      jdbc.query("SELECT index_name, column_name FROM information_schema.index_columns"
          + " WHERE table_schema = 'PUBLIC' AND table_name = ? ORDER BY index_name,"
          + " ordinal_position", rs -> {
            columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
          }, layer.table().toUpperCase(Locale.ROOT));
      assertThat(columns).as(layer.table()).isNotEmpty();
      assertThat(List.copyOf(columns.values())).as(layer.table() + ": " + columns)
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void aDistrictFilterOnCommunitiesStillUsesAnIndex() {
    String plan = jdbc.queryForObject(
        "EXPLAIN SELECT id FROM communities WHERE district = 'weibin'", String.class);
    assertThat(plan).doesNotContain("tableScan").contains("DISTRICT = 'weibin'")
        .containsPattern("/\\* PUBLIC\\.\\w+: DISTRICT = 'weibin'");
  }

  @Test
  void worksKeepOnlyTheKeyAndTheOwnersIndexSoAnImportAppends() {
    // Decision 101: an index over the dates took an import of 1,000,000 works from 14 s to 40 s.
    List<String> indexed = jdbc.queryForList("SELECT DISTINCT column_name FROM"
        + " information_schema.index_columns WHERE table_schema = 'PUBLIC' AND table_name ="
        + " 'WORKS' ORDER BY column_name", String.class);
    assertThat(indexed).containsExactly("ID", "OWNER");
  }

  @Test
  void aDatetimeItemsPageWalksTheKeyInOrder() {
    String plan = jdbc.queryForObject("EXPLAIN SELECT id FROM works WHERE start_date <="
        + " DATE '2026-06-01' AND end_date >= DATE '2026-05-01' AND id > 0 ORDER BY id LIMIT 101",
        String.class);
    assertThat(plan).containsPattern("/\\* PUBLIC\\.PRIMARY_KEY_\\w+: ID > ");
  }
}
