package org.jointworks.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.jointworks.support.Fixtures.collection;
import static org.jointworks.support.Fixtures.community;
import static org.jointworks.support.Fixtures.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jointworks.support.ExternalTools;
import org.jointworks.support.Http;
import org.jointworks.support.NeedsTools;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A standard OGC API – Features client reads the service: GDAL's OAPIF driver (what QGIS and
 * most desktop GIS use through OGR), from Debian's gdal-bin, run as a separate process against
 * the running service. It walks the pages by their {@code next} links, applies a bbox, signs in
 * with Basic credentials for the private layers, and what it writes out equals what the service
 * stores. CI installs gdal-bin (.ci/run); elsewhere the test is skipped when ogr2ogr is missing.
 */
@NeedsTools(ExternalTools.OGR2OGR)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GdalClientTest {
  private static final String OGR2OGR = ExternalTools.OGR2OGR.path();
  private static final int COMMUNITIES = 23;
  @LocalServerPort
  int port;
  @TempDir
  Path dir;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
  }

  @Test
  void gdalReadsEveryPageWithTheRightAttributesAndPositions() throws Exception {
    Http admin = Http.anonymous(port).as("admin");
    List<String> features = new ArrayList<>();
    for (int i = 1; i <= COMMUNITIES; i++) {
      features.add(community("和平里" + i, i % 2 == 0 ? "weibin" : "muye",
          113.80 + i * 0.004, 35.30 + (i % 5) * 0.003, 0.0015, 100 + i));
    }
    assertThat(admin.post("/api/import/communities", collection(features.toArray(String[]::new)))
        .status()).isEqualTo(200);
    // PAGE_SIZE 5 makes GDAL follow four `next` links for 23 communities.
    JsonNode read = ogr2ogr(Map.of(), "communities", "-oo", "PAGE_SIZE=5");
    JsonNode stored = Http.anonymous(port).get("/ogcapi/collections/communities/items?limit=1000")
        .json();
    assertThat(read.at("/features").size()).isEqualTo(stored.at("/numberMatched").asInt())
        .isGreaterThanOrEqualTo(COMMUNITIES);
    Map<String, JsonNode> byName = byName(stored);
    for (JsonNode f : read.at("/features")) {
      JsonNode s = byName.get(f.at("/properties/name").asString());
      assertThat(s).as("GDAL read a community the service does not hold").isNotNull();
      assertThat(f.at("/properties/households").asLong())
          .isEqualTo(s.at("/properties/households").asLong());
      assertThat(f.at("/properties/district").asString())
          .isEqualTo(s.at("/properties/district").asString());
      JsonNode a = f.at("/geometry/coordinates/0");
      JsonNode b = s.at("/geometry/coordinates/0");
      assertThat(a.size()).isEqualTo(b.size());
      for (int i = 0; i < a.size(); i++) {
        // GDAL writes GeoJSON with 7 decimals (about a centimetre).
        assertThat(a.get(i).get(0).asDouble()).isCloseTo(b.get(i).get(0).asDouble(),
            offset(1e-7));
        assertThat(a.get(i).get(1).asDouble()).isCloseTo(b.get(i).get(1).asDouble(),
            offset(1e-7));
      }
    }
  }

  @Test
  void gdalPassesABboxAndSeesPipelinesOnlyWhenSignedIn() throws Exception {
    Http admin = Http.anonymous(port).as("admin");
    assertThat(admin.post("/api/import/pipelines", collection(pipeline("gas", 113.9, 35.2)))
        .status()).isEqualTo(200);
    JsonNode gas = ogr2ogr(Map.of("GDAL_HTTP_AUTH", "BASIC", "GDAL_HTTP_USERPWD", "gas:demo"),
        "pipelines", "-spat", "113.89", "35.19", "113.91", "35.21");
    assertThat(gas.at("/features").size()).isEqualTo(1);
    assertThat(gas.at("/features/0/properties/utility").asString()).isEqualTo("gas");
    Process anonymous = new ProcessBuilder(OGR2OGR, "-f", "GeoJSON",
        dir.resolve("anon.geojson").toString(), "OAPIF:http://127.0.0.1:" + port + "/ogcapi",
        "pipelines").redirectErrorStream(true).start();
    String said = new String(anonymous.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(anonymous.waitFor()).isNotZero();
    assertThat(said).contains("Couldn't fetch requested layer 'pipelines'");
  }

  /** Runs ogr2ogr against the service and reads the GeoJSON it wrote. */
  private JsonNode ogr2ogr(Map<String, String> env, String layer, String... options)
      throws IOException, InterruptedException {
    Path out = dir.resolve(layer + System.nanoTime() + ".geojson");
    List<String> command = new ArrayList<>(List.of(OGR2OGR, "-f", "GeoJSON", out.toString(),
        "OAPIF:http://127.0.0.1:" + port + "/ogcapi", layer));
    command.addAll(List.of(options));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("ogr2ogr said: %s", said).isZero();
    return Http.JSON.readTree(Files.readString(out));
  }

  private static Map<String, JsonNode> byName(JsonNode collection) {
    Map<String, JsonNode> out = new TreeMap<>();
    collection.at("/features").forEach(f -> out.put(f.at("/properties/name").asString(), f));
    return out;
  }
}
