package org.jointworks.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostGIS that store tests run against, named by the environment variable
 * {@value #URL_VARIABLE} (for example {@code jdbc:postgresql://127.0.0.1:5432/jointworks_test?user=postgres}).
 * Unset, PostGIS tests are skipped; set but unreachable, they fail.
 *
 * <p>Each test context gets a schema of its own, so runs never see each other's rows; the PostGIS
 * extension itself lives in {@code public}, which stays on the search path.
 */
public final class PostgisDatabase {
  public static final String URL_VARIABLE = "JOINTWORKS_TEST_POSTGIS_URL";

  private PostgisDatabase() {}

  public static String url() {
    return System.getenv(URL_VARIABLE);
  }

  /** A new, empty schema; returns a JDBC URL whose search path starts with it. */
  public static String freshSchemaUrl(String prefix) {
    String schema = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8))
        .toLowerCase(Locale.ROOT);
    try (Connection c = DriverManager.getConnection(url());
        Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS postgis");
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("PostGIS at " + URL_VARIABLE + " cannot be reached: "
          + e.getMessage(), e);
    }
    String sep = url().contains("?") ? "&" : "?";
    return url() + sep + "currentSchema=" + schema + ",public";
  }
}
