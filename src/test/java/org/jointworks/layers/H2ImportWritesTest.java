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
 * What the embedded store writes for each row and each block of ids an import takes. Its layer
 * tables keep no two indexes over the same columns (decision 98): every index is one more B-tree
 * entry and undo-log record per imported row, and H2 makes an index of its own for a foreign key
 * declared in CREATE TABLE, beside any the schema creates. Its id sequence takes blocks without
 * committing the store mid-import (decision 113).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class H2ImportWritesTest {
  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
  }

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  IdAllocator ids;

  /**
   * An import takes a block of 1,000 ids from {@code feature_ids} per 1,000 features. With H2's
   * default sequence cache (32) every 32nd block wrote the sequence to the catalogue in a commit
   * of H2's system session, which stored every page in memory, the open import's uncommitted rows
   * included (decision 113). Two hundred blocks are 200,000 features: six such commits before.
   */
  @Test
  void takingTwoHundredBlocksOfIdsDoesNotCommitTheStore() {
    ids.next(); // the first block after start-up writes the sequence's cached range once
    long before = storeVersion();
    long first = ids.next();
    long last = first;
    for (int i = 0; i < 200 * IdAllocator.BLOCK; i++) {
      last = ids.next();
    }
    assertThat(last - first).as("ids stay unique and in order").isEqualTo(200L * IdAllocator.BLOCK);
    // At most one: a background task of the service may commit once in these milliseconds.
    assertThat(storeVersion() - before).as("store commits while taking 200 blocks")
        .isLessThanOrEqualTo(1);
  }

  private long storeVersion() {
    return Long.parseLong(jdbc.queryForObject("SELECT setting_value FROM"
        + " information_schema.settings WHERE setting_name = 'info.CURRENT_VERSION'",
        String.class));
  }

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
