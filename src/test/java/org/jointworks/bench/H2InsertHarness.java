package org.jointworks.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * A focused harness for the embedded store's share of an import (issue 15 item 2): rows per
 * second of a {@code works}-shaped bulk insert into plain H2 (MVStore, {@code WRITE_DELAY=0}),
 * one prepared statement, batches of 1,000, one transaction, with the same primary key, foreign
 * key, check constraint and secondary indexes as the schema, so one index or setting can be
 * changed at a time. Not a test; run it by hand:
 *
 * <pre>
 * java -cp h2.jar:target/test-classes org.jointworks.bench.H2InsertHarness 100000 [nodates] [URL_SETTINGS]
 * </pre>
 *
 * <p>{@code -Dbodies=20} splits the rows into that many transactions, as an import's bodies are;
 * {@code -Dbuffer.mb=1024} sets the store's write buffer as {@code layers/H2WriteBuffer} does
 * (decision 109), H2's own 19 MB when absent. It prints the time in the inserts and in the commits.
 */
public final class H2InsertHarness {
  private H2InsertHarness() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    boolean dates = !(args.length > 1 && args[1].equals("nodates"));
    String settings = args.length > 2 ? ";" + args[2] : "";
    Path dir = Files.createTempDirectory("h2insert");
    String url = "jdbc:h2:file:" + dir + "/db;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" + settings;
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE orgs (code VARCHAR(64) PRIMARY KEY)");
        for (int i = 0; i < 20; i++) {
          s.execute("INSERT INTO orgs VALUES ('org" + i + "')");
        }
        s.execute("CREATE TABLE works (id BIGINT PRIMARY KEY, version BIGINT NOT NULL,"
            + " utility VARCHAR(32) NOT NULL, owner VARCHAR(64) NOT NULL REFERENCES orgs (code),"
            + " kind VARCHAR(32) NOT NULL, start_date DATE NOT NULL, end_date DATE NOT NULL,"
            + " trench_width_m DOUBLE PRECISION, status VARCHAR(32) NOT NULL,"
            + " geom VARBINARY NOT NULL, CONSTRAINT works_dates CHECK (end_date >= start_date))");
        s.execute("CREATE INDEX works_owner ON works (owner)");
        if (dates) {
          s.execute("CREATE INDEX works_dates ON works (start_date, end_date)");
        }
      }
      int bodies = Integer.getInteger("bodies", 1);
      Integer bufferMb = Integer.getInteger("buffer.mb");
      if (bufferMb != null) {
        org.h2.mvstore.MVStore store = ((org.h2.engine.SessionLocal) c
            .unwrap(org.h2.jdbc.JdbcConnection.class).getSession()).getDatabase().getStore()
            .getMvStore();
        java.lang.reflect.Field threshold =
            org.h2.mvstore.MVStore.class.getDeclaredField("autoCommitMemory");
        threshold.setAccessible(true);
        threshold.setInt(store, bufferMb << 20);
      }
      long inCommits = 0;
      c.setAutoCommit(false);
      byte[] geometry = new byte[93];
      Random random = new Random(1);
      long t0 = System.nanoTime();
      try (PreparedStatement p =
          c.prepareStatement("INSERT INTO works VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
          p.setBytes(10, geometry);
          p.addBatch();
          if (i % 1000 == 0) {
            p.executeBatch();
          }
          if (i % (n / bodies) == 0 && i < n) {
            p.executeBatch();
            long c0 = System.nanoTime();
            c.commit();
            inCommits += System.nanoTime() - c0;
          }
        }
        p.executeBatch();
      }
      long c0 = System.nanoTime();
      c.commit();
      inCommits += System.nanoTime() - c0;
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT,
          "%s%s, %d bodies, buffer %s: %d rows in %.2f s (commits %.2f s), %.0f rows/s%n",
          dates ? "all indexes" : "without works_dates", settings, bodies,
          bufferMb == null ? "H2's" : bufferMb + " MB", n, seconds, inCommits / 1e9, n / seconds);
    }
  }
}
