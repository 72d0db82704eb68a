package org.jointworks.layers;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * The experiments behind decision 98, on plain H2 2.4.240 ({@code WRITE_DELAY=0}, as the
 * service): 100,000 rows in batches of 1,000, process CPU and wall time. Not a test; run by hand
 * (CPU time is the figure to compare on a shared machine, wall time follows the load):
 *
 * <pre>
 * java -cp h2-2.4.240.jar:target/test-classes org.jointworks.layers.H2StagedLoadHarness MODE [ROWS]
 * </pre>
 *
 * <ul>
 *   <li>{@code direct}: today's import into a {@code works}-shaped table (primary key, foreign key
 *       with its index, check, {@code works_dates}), one transaction.
 *   <li>{@code staged}: the planned step of decision 85 — a staging table with only the primary
 *       key, committed every 10,000 rows, then the swap (drop, rename, check, index, foreign key),
 *       each DDL timed.
 *   <li>{@code communities-dup} / {@code communities}: a {@code communities}-shaped table with and
 *       without the index V230 drops (the foreign key's own index stays), one transaction.
 * </ul>
 */
public final class H2StagedLoadHarness {
  private H2StagedLoadHarness() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    Path dir = Files.createTempDirectory("h2staged");
    String url = "jdbc:h2:file:" + dir + "/db;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"
        + System.getProperty("h2.extra", "");
    OperatingSystemMXBean os =
        (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      boolean communities = mode.startsWith("communities");
      schema(s, communities, mode.equals("communities-dup"));
      String target = "works";
      if (mode.equals("staged")) {
        s.execute(works("stage", "id BIGINT PRIMARY KEY", "owner VARCHAR(64) NOT NULL", ""));
        target = "stage";
      }
      c.setAutoCommit(false);
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      if (communities) {
        loadCommunities(c, n);
      } else {
        loadWorks(c, target, n, mode.equals("staged") ? 10_000 : 0);
      }
      c.commit();
      long t1 = System.nanoTime();
      if (mode.equals("staged")) {
        c.setAutoCommit(true);
        for (String ddl : new String[] {"DROP TABLE works", "ALTER TABLE stage RENAME TO works",
            "ALTER TABLE works ADD CONSTRAINT works_dates CHECK (end_date >= start_date)",
            "CREATE INDEX works_dates ON works (start_date, end_date)",
            "ALTER TABLE works ADD CONSTRAINT works_owner_fk FOREIGN KEY (owner)"
                + " REFERENCES orgs (code)"}) {
          long d0 = System.nanoTime();
          s.execute(ddl);
          System.out.printf(Locale.ROOT, "  %.2f s  %s%n", (System.nanoTime() - d0) / 1e9, ddl);
        }
      }
      long t2 = System.nanoTime();
      System.out.printf(Locale.ROOT, "%s, %d rows: CPU %.2f s, wall %.2f s (load %.2f s,"
          + " after the load %.2f s)%n", mode, n, (os.getProcessCpuTime() - cpu0) / 1e9,
          (t2 - t0) / 1e9, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }
  }

  private static String works(String table, String id, String owner, String checks) {
    return "CREATE TABLE " + table + " (" + id + ", version BIGINT NOT NULL,"
        + " utility VARCHAR(32) NOT NULL, " + owner + ", kind VARCHAR(32) NOT NULL,"
        + " start_date DATE NOT NULL, end_date DATE NOT NULL, trench_width_m DOUBLE PRECISION,"
        + " status VARCHAR(32) NOT NULL, geom VARBINARY NOT NULL" + checks + ")";
  }

  private static void schema(Statement s, boolean communities, boolean duplicate)
      throws SQLException {
    if (communities) {
      s.execute("CREATE TABLE districts (code VARCHAR(32) PRIMARY KEY)");
      for (int i = 0; i < 5; i++) {
        s.execute("INSERT INTO districts VALUES ('d" + i + "')");
      }
      s.execute("CREATE TABLE communities (id BIGINT PRIMARY KEY, version BIGINT NOT NULL,"
          + " name VARCHAR(200) NOT NULL, district VARCHAR(32) NOT NULL REFERENCES districts"
          + " (code), households BIGINT NOT NULL, buildings BIGINT NOT NULL, floor_area_m2 DOUBLE"
          + " PRECISION NOT NULL, build_year BIGINT, geom VARBINARY NOT NULL)");
      if (duplicate) {
        s.execute("CREATE INDEX communities_district ON communities (district)");
      }
      return;
    }
    s.execute("CREATE TABLE orgs (code VARCHAR(64) PRIMARY KEY)");
    for (int i = 0; i < 20; i++) {
      s.execute("INSERT INTO orgs VALUES ('org" + i + "')");
    }
    s.execute(works("works", "id BIGINT PRIMARY KEY",
        "owner VARCHAR(64) NOT NULL REFERENCES orgs (code)",
        ", CONSTRAINT works_dates CHECK (end_date >= start_date)"));
    s.execute("CREATE INDEX works_dates ON works (start_date, end_date)");
  }

  private static void loadWorks(Connection c, String table, int n, int commitEvery)
      throws SQLException {
    byte[] geometry = new byte[93];
    Random random = new Random(1);
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 1; i <= n; i++) {
        LocalDate start = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(700));
        p.setLong(1, i);
        p.setLong(2, 1);
        p.setString(3, "water");
        p.setString(4, "org" + random.nextInt(20));
        p.setString(5, "trench");
        p.setObject(6, start);
        p.setObject(7, start.plusDays(random.nextInt(60)));
        p.setDouble(8, 1.5);
        p.setString(9, "planned");
        geometry[5] = (byte) i;
        geometry[6] = (byte) (i >> 8);
        p.setBytes(10, geometry);
        p.addBatch();
        if (i % 1000 == 0) {
          p.executeBatch();
        }
        if (commitEvery > 0 && i % commitEvery == 0) {
          c.commit();
        }
      }
      p.executeBatch();
    }
  }

  private static void loadCommunities(Connection c, int n) throws SQLException {
    byte[] geometry = new byte[233];
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO communities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 1; i <= n; i++) {
        p.setLong(1, i);
        p.setLong(2, 1);
        p.setString(3, "基准小区" + i);
        p.setString(4, "d" + (i % 5));
        p.setLong(5, 50 + i % 300);
        p.setLong(6, 1 + i % 12);
        p.setDouble(7, 3000 + i % 40000);
        p.setLong(8, 1980 + i % 20);
        geometry[7] = (byte) i;
        geometry[8] = (byte) (i >> 8);
        p.setBytes(9, geometry);
        p.addBatch();
        if (i % 1000 == 0) {
          p.executeBatch();
        }
      }
      p.executeBatch();
    }
  }
}
