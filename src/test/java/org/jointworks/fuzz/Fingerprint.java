package org.jointworks.fuzz;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The stored data as a comparable value: for every table of the store's schema, its row count
 * and an order-independent hash of its rows (the sum of each row's 64-bit hash over every
 * column). The spatial reference table the spatial extension ships is left out: nothing writes
 * it and it is thousands of rows.
 */
final class Fingerprint {
  private static final Set<String> SKIPPED = Set.of("spatial_ref_sys", "geometry_columns");

  private Fingerprint() {}

  static Map<String, String> of(DataSource ds) {
    Map<String, String> out = new TreeMap<>();
    try (Connection c = ds.getConnection()) {
      DatabaseMetaData md = c.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = md.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String name = rs.getString("TABLE_NAME");
          if (!SKIPPED.contains(name.toLowerCase(Locale.ROOT))) {
            tables.add(name);
          }
        }
      }
      for (String t : tables) {
        long rows = 0;
        long sum = 0;
        try (var st = c.createStatement();
            ResultSet rs = st.executeQuery("SELECT * FROM \"" + t.replace("\"", "") + "\"")) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            rows++;
            long h = 1125899906842597L;
            for (int i = 1; i <= n; i++) {
              Object v = rs.getObject(i);
              int vh = v instanceof byte[] b ? Arrays.hashCode(b)
                  : v == null ? 0 : v.toString().hashCode();
              h = 31 * h + vh;
            }
            sum += h * 0x9E3779B97F4A7C15L;
          }
        }
        out.put(t.toLowerCase(Locale.ROOT), rows + ":" + Long.toHexString(sum));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
