package org.jointworks.bench;

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
import java.util.Map;
import org.jointworks.geo.Crs;
import org.jointworks.geo.Geometries;
import org.jointworks.layers.Feature;
import org.jointworks.support.PostgisDatabase;
import org.jointworks.tiles.mvt.MercatorLayer;
import org.jointworks.tiles.mvt.TileCoord;
import org.jointworks.tiles.mvt.TileEncoder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.WKBWriter;

/**
 * Uncached tile building, ours against PostGIS's ST_AsMVT/ST_AsMVTGeom (the query pg_tileserv
 * runs), on the same 100,000 communities (a 320 × 320 grid of 60 m squares, 100 m apart, around
 * Xinxiang) in the same run. Tiles z10, z14 and z16 at the grid's centre; each built 50 times
 * after 30 warm-ups; p50/p95 and sizes printed and written to target/tile-benchmark.md.
 * Run: {@code ./mvnw -Pbench test -Dtest=TileBenchmark} with JOINTWORKS_TEST_POSTGIS_URL set.
 */
@Tag("benchmark")
@EnabledIfEnvironmentVariable(named = PostgisDatabase.URL_VARIABLE, matches = ".+")
class TileBenchmark {
  static final int SIDE = 320;
  static final int RUNS = 50;
  static final int WARMUP = 30;

  @Test
  void tilesOursAgainstPostgis() throws Exception {
    List<Feature> features = new ArrayList<>(SIDE * SIDE);
    long id = 1;
    for (int i = 0; i < SIDE; i++) {
      for (int j = 0; j < SIDE; j++) {
        double lon = 113.72 + i * 0.0011;
        double lat = 35.15 + j * 0.0009;
        var poly = Geometries.LONLAT.createPolygon(new Coordinate[] {new Coordinate(lon, lat),
            new Coordinate(lon + 0.00066, lat), new Coordinate(lon + 0.00066, lat + 0.00054),
            new Coordinate(lon, lat + 0.00054), new Coordinate(lon, lat)});
        features.add(new Feature(id++, 1, poly, Map.of("name", "C" + id, "households", 100L)));
      }
    }
    long t0 = System.nanoTime();
    MercatorLayer layer = MercatorLayer.of("communities", 1, features);
    double buildS = (System.nanoTime() - t0) / 1e9;
    String url = PostgisDatabase.freshSchemaUrl("bench_tiles");
    StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
        "communities: %d, snapshot build %.2f s%n%n| zoom | ours p50 ms | ours p95 ms | ours"
            + " bytes | PostGIS p50 ms | PostGIS p95 ms | PostGIS bytes |%n|---|---|---|---|---|---|---|%n",
        features.size(), buildS));
    try (Connection c = DriverManager.getConnection(url)) {
      load(c, features);
      double[] centre = Crs.transform(4490, 3857, 113.72 + SIDE * 0.00055, 35.15 + SIDE * 0.00045);
      for (int z : new int[] {10, 14, 16}) {
        TileCoord t = TileCoord.containing(z, centre[0], centre[1]);
        List<TileEncoder.LayerInput> in = List.of(new TileEncoder.LayerInput(layer, 0, true));
        double[] ours = new double[RUNS];
        int ourBytes = 0;
        for (int r = -WARMUP; r < RUNS; r++) {
          long s = System.nanoTime();
          ourBytes = TileEncoder.encode(t, in).length;
          if (r >= 0) {
            ours[r] = (System.nanoTime() - s) / 1e6;
          }
        }
        double[] pg = new double[RUNS];
        int pgBytes = 0;
        try (PreparedStatement ps = c.prepareStatement("""
            WITH b AS (SELECT ST_TileEnvelope(?, ?, ?) AS env),
            m AS (SELECT id, name, households, ST_AsMVTGeom(geom, b.env, 4096, 64, true) AS geom
                  FROM communities, b WHERE geom && ST_Expand(b.env, (ST_XMax(b.env) - ST_XMin(b.env)) * 64 / 4096))
            SELECT ST_AsMVT(m, 'communities', 4096, 'geom', 'id') FROM m""")) {
          ps.setInt(1, z);
          ps.setInt(2, t.x());
          ps.setInt(3, t.y());
          for (int r = -WARMUP; r < RUNS; r++) {
            long s = System.nanoTime();
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              byte[] b = rs.getBytes(1);
              pgBytes = b == null ? 0 : b.length;
            }
            if (r >= 0) {
              pg[r] = (System.nanoTime() - s) / 1e6;
            }
          }
        }
        report.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %d | %.1f | %.1f | %d |%n",
            z, pct(ours, 50), pct(ours, 95), ourBytes, pct(pg, 50), pct(pg, 95), pgBytes));
      }
    }
    System.out.println(report);
    Files.writeString(Path.of("target/tile-benchmark.md"), report);
  }

  static void load(Connection c, List<Feature> features) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE communities (id bigint PRIMARY KEY, name text, households bigint,"
          + " geom geometry(Polygon, 3857))");
    }
    WKBWriter wkb = new WKBWriter(2);
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO communities VALUES (?, ?, ?,"
        + " ST_Transform(ST_GeomFromWKB(?, 4490), 3857))")) {
      int n = 0;
      for (Feature f : features) {
        ps.setLong(1, f.id());
        ps.setString(2, f.text("name"));
        ps.setLong(3, (Long) f.get("households"));
        ps.setBytes(4, wkb.write(f.geometry()));
        ps.addBatch();
        if (++n % 5000 == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
    c.commit();
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE INDEX ON communities USING gist (geom)");
      s.execute("ANALYZE communities");
    }
  }

  static double pct(double[] v, int p) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
  }
}
