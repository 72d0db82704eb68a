package org.jointworks.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jointworks.coordination.engine.ConflictEngine;
import org.jointworks.coordination.engine.ConflictRules;
import org.jointworks.coordination.engine.WorkConflict;
import org.jointworks.coordination.engine.WorkRef;
import org.jointworks.geo.Crs;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Layer;
import org.jointworks.layers.MetricLayer;
import org.jointworks.support.PostgisDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.postgresql.PGConnection;

/**
 * The full conflict list (bufferMeters=5, gapDays=30, moratorium 3 years) of a generated city by
 * the engine and by PostGIS 3 on the same data in the same run, and the latency of checking one
 * proposed work. Sizes from {@code -Dbench.sizes=100000,1000000}.
 *
 * <p>PostGIS gets the very coordinates the engine uses (COPY of EWKT in EPSG:4547 with
 * round-trip doubles) in a GiST-indexed metric column, loaded and ANALYZEd before the clock
 * starts; only the self-join is timed, with its rows fetched to the client. The engine is timed
 * on {@link ConflictEngine#all}, which also measures every conflict (overlap, days, map point);
 * building its STRtree and date arrays is timed separately. Pair sets must be identical.
 *
 * <p>Run: {@code JOINTWORKS_TEST_POSTGIS_URL=... ./mvnw -o -Pbench test -Dtest=ConflictBenchmark}.
 */
@Tag("benchmark")
class ConflictBenchmark {
  private static final int METRIC = Crs.GK_114E;
  private static final String JOIN = """
      SELECT a.id, b.id FROM %1$s a JOIN %1$s b ON a.id < b.id AND ST_DWithin(a.geom, b.geom, 5)
      WHERE a.status <> 'cancelled' AND b.status <> 'cancelled'
        AND ((a.start_date <= b.end_date + 30 AND b.start_date <= a.end_date + 30)
          OR (a.end_date < b.start_date AND b.start_date < (a.end_date + interval '3 years')::date)
          OR (b.end_date < a.start_date AND a.start_date < (b.end_date + interval '3 years')::date))
      """;

  @Test
  void conflictListAgainstPostgis() throws Exception {
    String sizes = System.getProperty("bench.sizes", "100000,1000000");
    List<String> rows = new ArrayList<>();
    rows.add("| works | engine index build (s) | engine list (s) | PostGIS load+index (s) "
        + "| PostGIS join (s) | ratio engine/PostGIS | conflicts | identical | check median (ms) "
        + "| check p95 (ms) |");
    rows.add("|---|---|---|---|---|---|---|---|---|---|");
    for (String s : sizes.split(",")) {
      rows.add(run(Integer.parseInt(s.trim())));
      System.out.println(String.join("\n", rows));
    }
    String table = String.join("\n", rows) + "\n";
    Path out = Path.of("target", "bench", "conflicts.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table);
    System.out.println(table);
  }

  private String run(int n) throws Exception {
    List<StreetGridWorks.Generated> city = new StreetGridWorks(42, n).generate(n, 1);
    List<Feature> features = new ArrayList<>(n);
    List<Geometry> metric = new ArrayList<>(n);
    for (var g : city) {
      features.add(g.feature());
      metric.add(g.metric());
    }
    long t0 = System.nanoTime();
    MetricLayer layer = MetricLayer.of(Layer.WORKS, 1, METRIC, features, metric);
    ConflictEngine engine = ConflictEngine.of(layer, 3);
    double buildSeconds = (System.nanoTime() - t0) / 1e9;
    ConflictRules rules = new ConflictRules(5, 30, 3);

    engine.all(rules); // warm-up: JIT and caches
    double[] runs = new double[3];
    List<WorkConflict> ours = null;
    for (int r = 0; r < runs.length; r++) {
      long s = System.nanoTime();
      ours = engine.all(rules);
      runs[r] = (System.nanoTime() - s) / 1e9;
    }
    Arrays.sort(runs);
    double engineSeconds = runs[1];
    long[] ourPairs = ours.stream().mapToLong(c -> pair(c.a().id(), c.b().id())).sorted().toArray();
    ours = null;

    double[] check = checkLatencies(engine, rules, n);

    String pgLoad = "n/a";
    String pgJoin = "n/a";
    String ratio = "n/a";
    String identical = "PostGIS not configured";
    if (PostgisDatabase.url() != null) {
      String table = "bench_works_" + UUID.randomUUID().toString().substring(0, 8);
      try (Connection c = DriverManager.getConnection(PostgisDatabase.url())) {
        long l0 = System.nanoTime();
        load(c, table, city);
        pgLoad = String.format(Locale.ROOT, "%.1f", (System.nanoTime() - l0) / 1e9);
        city = null;
        query(c, table); // warm-up: the table and index into shared buffers
        long q0 = System.nanoTime();
        long[] theirs = query(c, table);
        double pgSeconds = (System.nanoTime() - q0) / 1e9;
        pgJoin = String.format(Locale.ROOT, "%.2f", pgSeconds);
        ratio = String.format(Locale.ROOT, "%.3f", engineSeconds / pgSeconds);
        identical = Arrays.equals(ourPairs, theirs) ? "yes"
            : "NO (engine " + ourPairs.length + ", PostGIS " + theirs.length + ")";
        try (Statement st = c.createStatement()) {
          st.execute("DROP TABLE " + table);
        }
      }
    }
    return String.format(Locale.ROOT, "| %,d | %.2f | %.2f | %s | %s | %s | %,d | %s | %.3f | %.3f |",
        n, buildSeconds, engineSeconds, pgLoad, pgJoin, ratio, ourPairs.length, identical,
        check[0], check[1]);
  }

  /** Median and 95th percentile (ms) of checking 2,000 proposed works, transform included. */
  private static double[] checkLatencies(ConflictEngine engine, ConflictRules rules, int n) {
    StreetGridWorks proposals = new StreetGridWorks(7, n);
    int count = 2_000;
    double[] ms = new double[count];
    for (int warm = 0; warm < 2; warm++) {
      for (int i = 0; i < count; i++) {
        StreetGridWorks.Generated g = proposals.next(0);
        Feature f = g.feature();
        long s = System.nanoTime();
        Geometry m = Crs.transform(f.geometry(), Crs.LONLAT, METRIC);
        WorkRef ref = ConflictEngine.refOf(f);
        engine.against(ref, m, rules);
        ms[i] = (System.nanoTime() - s) / 1e6;
      }
    }
    Arrays.sort(ms);
    return new double[] {ms[count / 2], ms[(int) (count * 0.95)]};
  }

  private static long pair(long a, long b) {
    return a * 4_000_000L + b;
  }

  private static void load(Connection c, String table, List<StreetGridWorks.Generated> city)
      throws Exception {
    try (Statement st = c.createStatement()) {
      st.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, status TEXT NOT NULL,"
          + " start_date DATE NOT NULL, end_date DATE NOT NULL, geom geometry(LineString, 4547))");
    }
    var copy = c.unwrap(PGConnection.class).getCopyAPI();
    int batch = 100_000;
    for (int from = 0; from < city.size(); from += batch) {
      StringBuilder sb = new StringBuilder(batch * 120);
      for (var g : city.subList(from, Math.min(city.size(), from + batch))) {
        Feature f = g.feature();
        LineString l = (LineString) g.metric();
        sb.append(f.id()).append('\t').append(f.text("status")).append('\t')
            .append(f.get("start_date")).append('\t').append(f.get("end_date"))
            .append("\tSRID=4547;LINESTRING(");
        for (int i = 0; i < l.getNumPoints(); i++) {
          if (i > 0) {
            sb.append(',');
          }
          // Double.toString round-trips exactly: PostGIS gets the engine's very coordinates.
          sb.append(l.getCoordinateN(i).x).append(' ').append(l.getCoordinateN(i).y);
        }
        sb.append(")\n");
      }
      copy.copyIn("COPY " + table + " FROM STDIN", new StringReader(sb.toString()));
    }
    try (Statement st = c.createStatement()) {
      st.execute("CREATE INDEX ON " + table + " USING GIST (geom)");
      st.execute("ANALYZE " + table);
    }
  }

  private static long[] query(Connection c, String table) throws Exception {
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement(String.format(JOIN, table))) {
      ps.setFetchSize(50_000);
      long[] pairs = new long[1 << 20];
      int k = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (k == pairs.length) {
            pairs = Arrays.copyOf(pairs, k * 2);
          }
          pairs[k++] = pair(rs.getLong(1), rs.getLong(2));
        }
      }
      c.commit();
      long[] out = Arrays.copyOf(pairs, k);
      Arrays.sort(out);
      return out;
    } finally {
      c.setAutoCommit(true);
    }
  }
}
