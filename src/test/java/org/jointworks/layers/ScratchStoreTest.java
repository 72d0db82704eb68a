package org.jointworks.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The import warm-up's scratch database (decision 104): the import's own H2 writer stores rows in
 * it as in the store (the same columns, and the reference holds), and closing deletes it.
 */
class ScratchStoreTest {
  private static final GeometryFactory LONLAT = new GeometryFactory(new PrecisionModel(), 4490);

  @Test
  void theImportsWriterStoresRowsAndTheReferenceHoldsThenNothingIsLeft() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:scratch-store-test");
    BulkInsert bulk = new BulkInsert(h2);
    assertThat(bulk.embedded()).isTrue();
    Path dir;
    try (ScratchStore scratch = new ScratchStore()) {
      dir = scratch.directory();
      scratch.create(Layer.WORKS, "warm-up");
      BulkInsert.Rows rows = bulk.rows(scratch.connection(), Layer.WORKS);
      List<Feature> works = List.of(work(1, "warm-up"), work(2, "warm-up"));
      rows.insert(works, works.stream().map(bulk.preparer(Layer.WORKS)).toList());
      assertThatThrownBy(() -> rows.insert(List.of(work(3, "nobody")), null))
          .isInstanceOf(SQLException.class);
      scratch.connection().commit();
      try (Statement st = scratch.connection().createStatement();
          ResultSet r = st.executeQuery("SELECT COUNT(*), MIN(street), MAX(start_date) FROM works")) {
        r.next();
        assertThat(r.getLong(1)).isEqualTo(2);
        assertThat(r.getString(2)).isEqualTo("预热路\t1");
        assertThat(r.getObject(3, LocalDate.class)).isEqualTo(LocalDate.of(2027, 3, 2));
      }
      rows.close();
      assertThat(Files.isDirectory(dir)).isTrue();
    }
    assertThat(Files.exists(dir)).isFalse();
  }

  private static Feature work(long id, String owner) {
    return new Feature(id, 1, LONLAT.createLineString(new Coordinate[] {
        new Coordinate(113.85, 35.3), new Coordinate(113.851, 35.3 + id * 1e-5)}),
        Map.of("utility", "gas", "owner", owner, "kind", "repair", "status", "draft",
            "start_date", LocalDate.of(2027, 3, (int) id), "end_date", LocalDate.of(2027, 4, 1),
            "street", "预热路\t" + id));
  }
}
