package org.jointworks.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.jointworks.geo.Crs;
import org.jointworks.geo.Geometries;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Layer;
import org.jointworks.layers.MetricLayer;
import org.jointworks.layers.MetricLayers;
import org.jointworks.linkage.engine.AdjacencyEngine;
import org.jointworks.linkage.engine.AdjacentPair;
import org.jointworks.linkage.engine.AreaContents;
import org.jointworks.support.PostgisDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * The full adjacency list at {@code gapMeters=30} by our engine and by PostGIS (ST_DWithin
 * self-join with a GiST index on the metric geometries) on the same generated city, in the same
 * run, with a check that both answers are the same; and the drawn-area preview's core over the
 * same city. A harness, not JMH (the PostGIS side is a JDBC round trip, which JMH would not
 * make fairer): each side runs {@value #WARM_UPS} times to warm up (JIT, PostgreSQL's buffer
 * cache), then {@value #RUNS} timed runs, and the median is reported with the load average. Sizes: {@code -Dbench.sizes=10000,100000} (the default).
 *
 * <p>Run: {@code JOINTWORKS_TEST_POSTGIS_URL=... ./mvnw -o -Pbench test -Dtest=AdjacencyBenchmark}.
 * Writes {@code target/bench/adjacency.md}.
 */
@Tag("benchmark")
@EnabledIfEnvironmentVariable(named = PostgisDatabase.URL_VARIABLE, matches = ".+")
class AdjacencyBenchmark {
  private static final double GAP = 30;
  private static final int RUNS = 5;
  private static final int WARM_UPS = 3;
  private static final String JOIN = """
      SELECT a.id, b.id, ST_Distance(a.g, b.g) FROM bench_communities a
      JOIN bench_communities b ON a.id < b.id AND ST_DWithin(a.g, b.g, ?)""";

  @Test
  void adjacencyAgainstPostgis() throws Exception {
    String sizes = System.getProperty("bench.sizes", "10000,100000");
    StringBuilder table = new StringBuilder("""
        | communities | pairs | engine (ms, median of 5) | PostGIS (ms, median of 5) | engine / PostGIS | same answer | preview core, median of 200 (ms) | load average |
        |---|---|---|---|---|---|---|---|
        """);
    for (String s : sizes.split(",")) {
      table.append(run(Integer.parseInt(s.trim()))).append('\n');
    }
    String machine = String.format(Locale.ROOT, "%d cores, max heap %d MiB, %s %s, Java %s",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("os.name"), System.getProperty("os.version"),
        System.getProperty("java.version"));
    String out = table + "\n" + machine + "\n";
    System.out.println(out);
    Path file = Path.of("target/bench/adjacency.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, out);
  }

  private String run(int n) throws SQLException, IOException {
    List<Feature> city = GridCity.communities(n, 42);
    MetricLayer layer = MetricLayers.build(Layer.COMMUNITIES, 0, Crs.GK_114E, city);
    AdjacencyEngine engine = AdjacencyEngine.of(layer);

    List<AdjacentPair> ours = null;
    for (int w = 0; w < WARM_UPS; w++) {
      ours = engine.pairs(GAP);
    }
    long[] engineNanos = new long[RUNS];
    for (int r = 0; r < RUNS; r++) {
      long t0 = System.nanoTime();
      ours = engine.pairs(GAP);
      engineNanos[r] = System.nanoTime() - t0;
    }

    Map<Long, Double> theirs;
    long[] postgisNanos = new long[RUNS];
    String schema = "bench_" + n + "_" + Long.toHexString(System.nanoTime());
    try (Connection c = DriverManager.getConnection(PostgisDatabase.url())) {
      load(c, schema, city);
      theirs = null;
      for (int w = 0; w < WARM_UPS; w++) {
        theirs = join(c);
      }
      for (int r = 0; r < RUNS; r++) {
        long t0 = System.nanoTime();
        theirs = join(c);
        postgisNanos[r] = System.nanoTime() - t0;
      }
      try (Statement st = c.createStatement()) {
        st.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
    String same = compare(ours, theirs);
    double previewMs = previewMedianMs(layer);
    double engineMs = median(engineNanos) / 1e6;
    double postgisMs = median(postgisNanos) / 1e6;
    return String.format(Locale.ROOT, "| %,d | %,d | %.0f | %.0f | %.2f | %s | %.2f | %.1f |", n,
        ours.size(), engineMs, postgisMs, engineMs / postgisMs, same, previewMs,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            .getSystemLoadAverage());
  }

  /** The city in its own schema: lon/lat rows, then the metric table with its GiST index. */
  private static void load(Connection c, String schema, List<Feature> city) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("CREATE EXTENSION IF NOT EXISTS postgis");
      st.execute("CREATE SCHEMA " + schema);
      st.execute("SET search_path TO " + schema + ", public");
      st.execute("CREATE TABLE lonlat (id BIGINT PRIMARY KEY, geom geometry(Polygon, 4490))");
    }
    c.setAutoCommit(false);
    WKBWriter wkb = new WKBWriter(2);
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO lonlat (id, geom) VALUES (?, ST_GeomFromWKB(?, 4490))")) {
      int k = 0;
      for (Feature f : city) {
        ps.setLong(1, f.id());
        ps.setBytes(2, wkb.write(f.geometry()));
        ps.addBatch();
        if (++k % 2000 == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
    c.commit();
    c.setAutoCommit(true);
    try (Statement st = c.createStatement()) {
      st.execute("""
          CREATE TABLE bench_communities AS
          SELECT id, ST_Transform(geom, 4547)::geometry(Polygon, 4547) AS g FROM lonlat""");
      st.execute("CREATE INDEX ON bench_communities USING GIST (g)");
      st.execute("ANALYZE bench_communities");
    }
  }

  /** The pair set as (a * 2^32 + b) → gap. */
  private static Map<Long, Double> join(Connection c) throws SQLException {
    Map<Long, Double> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(JOIN)) {
      ps.setDouble(1, GAP);
      ps.setFetchSize(50_000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put((rs.getLong(1) << 32) | rs.getLong(2), rs.getDouble(3));
        }
      }
    }
    return out;
  }

  /** "yes" when the pair sets are equal and every gap agrees to 1 cm; else what differs. */
  private static String compare(List<AdjacentPair> ours, Map<Long, Double> theirs) {
    int missing = 0;
    int gapOff = 0;
    double worst = 0;
    for (AdjacentPair p : ours) {
      Double g = theirs.get((p.a() << 32) | p.b());
      if (g == null) {
        missing++;
      } else {
        worst = Math.max(worst, Math.abs(g - p.gapMeters()));
        if (Math.abs(g - p.gapMeters()) > 0.01) {
          gapOff++;
        }
      }
    }
    int extra = theirs.size() - (ours.size() - missing);
    assertThat(missing + extra + gapOff).as("pairs only ours %d, only PostGIS's %d, gaps off %d",
        missing, extra, gapOff).isZero();
    return String.format(Locale.ROOT, "yes (gaps within %.1e m)", worst);
  }

  /** The preview's core: a drawn 6-vertex area of about 600 m x 450 m anywhere in the city. */
  private static double previewMedianMs(MetricLayer layer) {
    SplittableRandom random = new SplittableRandom(7);
    var env = layer.index().getRoot().getBounds();
    var box = (org.locationtech.jts.geom.Envelope) env;
    int calls = 200;
    long[] nanos = new long[calls];
    int members = 0;
    for (int k = 0; k < calls + 100; k++) {
      double x = box.getMinX() + random.nextDouble() * (box.getWidth() - 700);
      double y = box.getMinY() + random.nextDouble() * (box.getHeight() - 500);
      Geometry drawn = Geometries.METRIC.createPolygon(new Coordinate[] {
          new Coordinate(x, y), new Coordinate(x + 400, y - 30), new Coordinate(x + 600, y + 150),
          new Coordinate(x + 550, y + 450), new Coordinate(x + 100, y + 420),
          new Coordinate(x - 20, y + 200), new Coordinate(x, y)});
      Geometry lonLat = Crs.transform(drawn, Crs.GK_114E, Crs.LONLAT);
      long t0 = System.nanoTime();
      Geometry metric = Crs.transform(lonLat, Crs.LONLAT, Crs.GK_114E);
      boolean valid = metric.isValid();
      AreaContents contents = new AreaContents(metric);
      members += contents.shares(layer).size() + contents.within(layer, 500).size()
          + (valid ? 1 : 0);
      if (k >= 100) {
        nanos[k - 100] = System.nanoTime() - t0;
      }
    }
    assertThat(members).isPositive();
    return median(nanos) / 1e6;
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
