package org.jointworks.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jointworks.geo.Geometries;
import org.jointworks.support.PostgisDatabase;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Decision 118 on a real PostGIS: a batch goes into its COPY a {@link CopyRows#PIECE} at a time,
 * so a batch of many pieces, a row larger than a piece, and a row the server refuses early in such
 * a batch (the connection still usable for the rollback) are what the import meets.
 * Each test works in one transaction it rolls back.
 */
@SpringBootTest
@ActiveProfiles("postgis")
@EnabledIfEnvironmentVariable(named = PostgisDatabase.URL_VARIABLE, matches = ".+")
class CopyRowsPostgisTest {
  /** About 130 bytes a row: several pieces a batch. */
  private static final int ROWS = 5_000;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.postgis(registry, "copy_rows", false);
  }

  @Autowired
  DataSource dataSource;

  @Test
  void aBatchOfManyPiecesAndARowLargerThanAPieceLandWhole() throws Exception {
    List<Feature> batch = communities(ROWS);
    // 20,001 vertices: an EWKB of 320 KB, more than two pieces on its own.
    Coordinate[] ring = new Coordinate[20_001];
    for (int i = 0; i < 20_000; i++) {
      double a = 2 * Math.PI * i / 20_000;
      ring[i] = new Coordinate(113.9 + 1e-3 * Math.cos(a), 35.2 + 1e-3 * Math.sin(a));
    }
    ring[20_000] = ring[0];
    batch.add(ROWS / 2, community(2_000_000, Geometries.LONLAT.createPolygon(ring)));
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      try {
        new CopyRows(c, Layer.COMMUNITIES).insert(batch, null);
        assertThat(count(st, "SELECT count(*) FROM communities")).isEqualTo(ROWS + 1);
        assertThat(count(st, "SELECT ST_NPoints(geom) FROM communities WHERE id = 2000000"))
            .isEqualTo(20_001);
        Feature last = batch.get(batch.size() - 1);
        try (ResultSet rs = st.executeQuery("SELECT name, households, floor_area_m2,"
            + " ST_AsText(geom) FROM communities WHERE id = " + last.id())) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo(last.text("name"));
          assertThat(rs.getLong(2)).isEqualTo(10L);
          assertThat(rs.getDouble(3)).isEqualTo(100.5);
          assertThat(new WKTReader().read(rs.getString(4)).equalsExact(last.geometry())).isTrue();
        }
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
  }

  /**
   * A duplicate id early in a batch of many pieces: PostgreSQL refuses it while the later pieces
   * are still being sent. The insert fails with the server's reason, the COPY is over, and the
   * same connection rolls back and answers the next statement.
   */
  @Test
  void aRowRefusedEarlyInABatchOfManyPiecesFailsTheInsertAndLeavesTheConnectionUsable() throws Exception {
    List<Feature> batch = communities(ROWS);
    batch.set(5, batch.get(3));
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      try {
        assertThatThrownBy(() -> new CopyRows(c, Layer.COMMUNITIES).insert(batch, null))
            .isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo("23505"));
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
      assertThat(count(st, "SELECT count(*) FROM communities")).isZero();
      new CopyRows(c, Layer.COMMUNITIES).insert(communities(3), null);
      assertThat(count(st, "SELECT count(*) FROM communities")).isEqualTo(3);
      st.execute("DELETE FROM communities");
    }
  }

  private static long count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<Feature> communities(int n) {
    List<Feature> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double x = 113.8 + i * 1e-4;
      out.add(community(1_000_000 + i, Geometries.LONLAT.createPolygon(new Coordinate[] {
          new Coordinate(x, 35.3), new Coordinate(x + 5e-5, 35.3),
          new Coordinate(x + 5e-5, 35.30005), new Coordinate(x, 35.3)})));
    }
    return out;
  }

  private static Feature community(long id, Geometry area) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", "小区" + id);
    p.put("district", "weibin");
    p.put("households", 10L);
    p.put("buildings", 1L);
    p.put("floor_area_m2", 100.5);
    return new Feature(id, 1, area, p);
  }
}
