package org.jointworks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jointworks.geo.Crs;
import org.jointworks.layers.Layer;
import org.jointworks.sample.CityOptions;
import org.jointworks.sample.SampleCityGenerator;
import org.jointworks.support.Http;
import org.jointworks.support.PostgisDatabase;
import org.jointworks.tiles.mvt.TileCoord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import tools.jackson.databind.JsonNode;

/**
 * The province simulation of docs/scale.md: ten cities of 10× the sample city (1,380
 * communities each, generated with different seeds) in ten schemas of one PostGIS, one city
 * after the other, each through one instance: import every layer, then every city-wide analysis
 * (adjacency, suggested joint areas, one community's facility gaps, the works conflicts, the
 * pipelines' clearance violations) and a sweep of the city's z14 tiles, timed, and the heap the
 * instance holds.
 * A benchmark harness (tag {@code benchmark}): {@code ./mvnw -Pbench test
 * -Dtest=ProvinceSimulation} with {@code JOINTWORKS_TEST_POSTGIS_URL} set. Writes
 * {@code target/bench/province.md}.
 */
@Tag("benchmark")
@EnabledIfEnvironmentVariable(named = PostgisDatabase.URL_VARIABLE, matches = ".+")
class ProvinceSimulation {
  private static final int CITIES = Integer.getInteger("bench.cities", 10);
  private static final int COMMUNITIES = Integer.getInteger("bench.communities", 1380);
  private static final List<Layer> ORDER = List.of(Layer.DISTRICTS, Layer.STREETS,
      Layer.COMMUNITIES, Layer.FACILITIES, Layer.PIPELINES, Layer.WORKS);

  @Test
  void tenCitiesInOnePostgis() throws IOException {
    List<String> rows = new ArrayList<>();
    rows.add("| city | features | import s | adjacency ms | joint-area suggestions ms"
        + " | facility gaps ms | conflicts ms | clearance violations ms | z14 tiles"
        + " | tile sweep ms | heap MB (before / with city) |");
    rows.add("|---|---|---|---|---|---|---|---|---|---|---|");
    for (int city = 1; city <= CITIES; city++) {
      Path dir = Files.createTempDirectory("province-city");
      SampleCityGenerator.writeFiles(new CityOptions(COMMUNITIES, CityOptions.AUTO,
          CityOptions.AUTO, CityOptions.DEFAULT_SEED + city), dir);
      long heapBefore = usedHeapMb();
      try (Instances one = new Instances(PostgisDatabase.freshSchemaUrl("city" + city), 1)) {
        Http admin = one.http(0).as("admin");
        long features = 0;
        long start = System.nanoTime();
        for (Layer layer : ORDER) {
          Path file = dir.resolve(layer.id() + ".geojson");
          if (!Files.exists(file)) {
            continue;
          }
          Http.Response r = admin.send(admin.builder("/api/import/" + layer.id())
              .header("Content-Type", "application/geo+json")
              .POST(HttpRequest.BodyPublishers.ofFile(file)));
          assertThat(r.status()).as(layer + ": " + r.body()).isEqualTo(200);
          features += r.json().path("imported").asLong();
        }
        double importS = (System.nanoTime() - start) / 1e9;
        double[] adjacency = twice(() -> admin.get("/api/linkage/adjacency?gapMeters=30"));
        double[] suggestions = twice(() -> admin.post("/api/linkage/suggestions", "{}"));
        long first = admin.get("/ogcapi/collections/communities/items?limit=1").json()
            .at("/features/0/id").asLong();
        double[] gaps = twice(() -> admin.get("/api/communities/" + first + "/facility-gaps"));
        double[] conflicts = twice(() -> admin.get("/api/works/conflicts"));
        double[] clearance = twice(() -> admin.get("/api/pipelines/clearance-violations"));
        List<String> tiles = tiles(admin);
        long t0 = System.nanoTime();
        Http anonymous = one.http(0);
        for (String t : tiles) {
          assertThat(anonymous.sendBytes(anonymous.builder(t).GET()).statusCode()).isEqualTo(200);
        }
        double sweepMs = (System.nanoTime() - t0) / 1e6;
        long heapWith = usedHeapMb();
        rows.add(String.format(Locale.ROOT, "| %d | %,d | %.1f | %s | %s | %s | %s | %s | %d"
            + " | %.0f | %d / %d |", city, features, importS, ms(adjacency), ms(suggestions),
            ms(gaps), ms(conflicts), ms(clearance), tiles.size(), sweepMs, heapBefore,
            heapWith));
        System.out.println(rows.get(rows.size() - 1));
      }
    }
    Files.createDirectories(Path.of("target", "bench"));
    Files.writeString(Path.of("target", "bench", "province.md"), String.join("\n", rows) + "\n");
    rows.forEach(System.out::println);
  }

  /** "first / again" in ms: the first call builds what the analysis needs, the next reuses it. */
  private static String ms(double[] firstAndAgain) {
    return String.format(Locale.ROOT, "%.0f / %.0f", firstAndAgain[0], firstAndAgain[1]);
  }

  private static double[] twice(java.util.function.Supplier<Http.Response> call) {
    double[] ms = new double[2];
    for (int i = 0; i < 2; i++) {
      long t = System.nanoTime();
      Http.Response r = call.get();
      ms[i] = (System.nanoTime() - t) / 1e6;
      assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
    return ms;
  }

  /** The z14 tiles over the communities' extent. */
  private static List<String> tiles(Http http) {
    JsonNode bbox = http.get("/ogcapi/collections/communities").json()
        .at("/extent/spatial/bbox/0");
    double[] lo = Crs.transform(4490, 3857, bbox.get(0).asDouble(), bbox.get(1).asDouble());
    double[] hi = Crs.transform(4490, 3857, bbox.get(2).asDouble(), bbox.get(3).asDouble());
    TileCoord a = TileCoord.containing(14, lo[0], lo[1]);
    TileCoord b = TileCoord.containing(14, hi[0], hi[1]);
    List<String> out = new ArrayList<>();
    for (int x = Math.min(a.x(), b.x()); x <= Math.max(a.x(), b.x()); x++) {
      for (int y = Math.min(a.y(), b.y()); y <= Math.max(a.y(), b.y()); y++) {
        out.add("/ogcapi/tiles/WebMercatorQuad/14/" + y + "/" + x);
      }
    }
    return out;
  }

  private static long usedHeapMb() {
    System.gc();
    Runtime r = Runtime.getRuntime();
    return (r.totalMemory() - r.freeMemory()) / (1024 * 1024);
  }
}
