package org.jointworks.system;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The one place where the embedded H2GIS store and PostGIS differ in SQL the code writes at run
 * time (the DDL's only difference, spatial indexes, is in the vendor migration folders).
 */
public enum StoreDialect {
  H2GIS("SELECT NEXT VALUE FOR feature_ids"),
  POSTGIS("SELECT nextval('feature_ids')");

  private final String nextIdBlockSql;

  StoreDialect(String nextIdBlockSql) {
    this.nextIdBlockSql = nextIdBlockSql;
  }

  /** The query that takes the next block of feature ids from the sequence. */
  public String nextIdBlockSql() {
    return nextIdBlockSql;
  }

  public static StoreDialect of(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName();
      return product.toLowerCase(java.util.Locale.ROOT).contains("postgres") ? POSTGIS : H2GIS;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the store's product name", e);
    }
  }
}
