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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Decision 107 on a real PostGIS: a load into an empty layer checks its foreign keys once at the
 * end where the role may switch their triggers off, and row by row where it may not. Each test
 * works in one transaction it rolls back, with the load's own classes, as the import uses them.
 */
@SpringBootTest
@ActiveProfiles("postgis")
@EnabledIfEnvironmentVariable(named = PostgisDatabase.URL_VARIABLE, matches = ".+")
class DeferredForeignKeysPostgisTest {
  private static final int ROWS = 300;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.postgis(registry, "deferred_keys", false);
  }

  @Autowired
  DataSource dataSource;

  @Test
  void theDistrictsAreLookedUpOnceAfterTheLoadNotOncePerRow() throws Exception {
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      try {
        EmptyLayerLoad load = EmptyLayerLoad.begin(c, Layer.COMMUNITIES);
        assertThat(load).isNotNull();
        long scansBefore = districtScans(st);
        load.insert(new CopyRows(c, Layer.COMMUNITIES), communities(ROWS, "weibin"), null);
        assertThat(districtScans(st) - scansBefore).as("per-row look-ups of districts").isZero();
        load.finish();
        assertThat(districtScans(st) - scansBefore).as("the check at the end").isPositive();
        assertThat(count(st, "SELECT count(*) FROM communities")).isEqualTo(ROWS);
        assertThat(count(st, "SELECT count(*) FROM pg_constraint WHERE conrelid ="
            + " 'communities'::regclass AND contype = 'f'")).as("the key itself stays")
            .isEqualTo(1);
        // The setting is the transaction's own again: a trigger fires for the next statement.
        assertThatThrownBy(() -> st.execute("INSERT INTO communities (id, version, name, district,"
            + " households, buildings, floor_area_m2, geom) VALUES (-1, 1, 'x', 'nowhere', 1, 1,"
            + " 1, ST_GeomFromText('POINT(113.9 35.3)', 4490))"))
            .isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo("23503"));
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
  }

  /**
   * Between a COPY and the check, no referenced district can go: deleting one checks the
   * communities with its own trigger, which waits for the load's lock (here: until its timeout).
   */
  @Test
  void aDistrictCannotBeDeletedUnderTheLoad() throws Exception {
    try (Connection c = dataSource.getConnection(); Connection other = dataSource.getConnection();
        Statement st = other.createStatement()) {
      c.setAutoCommit(false);
      try {
        EmptyLayerLoad load = EmptyLayerLoad.begin(c, Layer.COMMUNITIES);
        load.insert(new CopyRows(c, Layer.COMMUNITIES), communities(ROWS, "weibin"), null);
        other.setAutoCommit(false);
        st.execute("SET LOCAL lock_timeout = '300ms'");
        assertThatThrownBy(() -> st.execute("DELETE FROM districts WHERE code = 'weibin'"))
            .isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("55P03"));
        other.rollback();
        load.finish();
      } finally {
        other.setAutoCommit(true);
        c.rollback();
        c.setAutoCommit(true);
      }
    }
  }

  @Test
  void aRowWithoutItsDistrictRefusesTheLoadAtTheEnd() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        EmptyLayerLoad load = EmptyLayerLoad.begin(c, Layer.COMMUNITIES);
        List<Feature> rows = communities(ROWS, "weibin");
        rows.set(ROWS / 2, communities(1, "nowhere").get(0).withIdentity(-7, 1));
        load.insert(new CopyRows(c, Layer.COMMUNITIES), rows, null);
        assertThatThrownBy(load::finish).isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("23503");
          assertThat(e.getMessage()).contains("communities_district_fkey");
        });
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
  }

  @Test
  void aRoleThatMayNotSwitchTriggersOffChecksRowByRowUntilGrantedTheSetting() throws Exception {
    String role = "jw_keys_" + Long.toHexString(System.nanoTime());
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      // Test-made identifiers: a role name of hex digits, the schema of this test's own store.
      st.execute("CREATE ROLE " + role);
      st.execute("GRANT USAGE ON SCHEMA " + c.getSchema() + " TO " + role);
      st.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + c.getSchema() + " TO " + role);
      try {
        c.setAutoCommit(false);
        st.execute("SET LOCAL ROLE " + role);
        assertThat(DeferredForeignKeys.begin(c, Layer.COMMUNITIES)).isNull();
        assertThat(count(st, "SELECT count(*) FROM districts")).as("the transaction goes on")
            .isPositive();
        c.rollback();
        st.execute("GRANT SET ON PARAMETER session_replication_role TO " + role);
        st.execute("SET LOCAL ROLE " + role);
        assertThat(DeferredForeignKeys.begin(c, Layer.COMMUNITIES)).isNotNull();
        c.rollback();
      } finally {
        c.setAutoCommit(true);
        st.execute("REVOKE SET ON PARAMETER session_replication_role FROM " + role);
        st.execute("REVOKE ALL ON ALL TABLES IN SCHEMA " + c.getSchema() + " FROM " + role);
        st.execute("REVOKE USAGE ON SCHEMA " + c.getSchema() + " FROM " + role);
        st.execute("DROP ROLE " + role);
      }
    }
  }

  @Test
  void aTableWithAnotherTriggerKeepsEveryTriggerOn() throws Exception {
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      try {
        assertThat(DeferredForeignKeys.begin(c, Layer.COMMUNITIES)).isNotNull();
        st.execute("CREATE FUNCTION pg_temp.noop() RETURNS trigger LANGUAGE plpgsql"
            + " AS 'BEGIN RETURN NEW; END'");
        st.execute("CREATE TRIGGER audit_like AFTER INSERT ON communities FOR EACH ROW"
            + " EXECUTE FUNCTION pg_temp.noop()");
        assertThat(DeferredForeignKeys.begin(c, Layer.COMMUNITIES)).isNull();
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
  }

  /** Index and sequential scans of districts in this transaction so far. */
  private static long districtScans(Statement st) throws SQLException {
    return count(st, "SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0)"
        + " FROM pg_stat_xact_user_tables WHERE relid = 'districts'::regclass");
  }

  private static long count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<Feature> communities(int n, String district) {
    List<Feature> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double x = 113.8 + i * 1e-3;
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("name", "甲" + i);
      p.put("district", district);
      p.put("households", 10L);
      p.put("buildings", 1L);
      p.put("floor_area_m2", 100.5);
      out.add(new Feature(1_000_000 + i, 1, Geometries.LONLAT.createPolygon(new Coordinate[] {
          new Coordinate(x, 35.3), new Coordinate(x + 5e-4, 35.3),
          new Coordinate(x + 5e-4, 35.3005), new Coordinate(x, 35.3)}), p));
    }
    return out;
  }
}
