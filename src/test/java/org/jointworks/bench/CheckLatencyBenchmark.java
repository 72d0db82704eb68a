package org.jointworks.bench;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jointworks.coordination.ConflictService;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureWriter;
import org.jointworks.layers.ImportService;
import org.jointworks.layers.Layer;
import org.jointworks.layers.LayerService;
import org.jointworks.support.Http;
import org.jointworks.system.JointWorksUser;
import org.jointworks.system.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The service path of {@code works/check} (GeoJSON validation with the layer's FeatureReader,
 * the reference-code lookups, the transform, the engine and the clearance check) on an H2GIS
 * store of 100,000 generated works, called in process so HTTP Basic's password hashing (a
 * deliberate ~100 ms per request) does not hide it. The engine part against 1,000,000 works is
 * in {@link ConflictBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CheckLatencyBenchmark {
  @Autowired
  ConflictService conflicts;
  @Autowired
  ImportService imports;
  @Autowired
  LayerService layers;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
  }

  @Test
  void checkMedianOnTheServicePath() throws Exception {
    int n = 100_000;
    List<StreetGridWorks.Generated> city = new StreetGridWorks(42, n).generate(n, 1);
    var system = new JointWorksUser("bench", "", true, Role.ADMIN, null);
    SecurityContextHolder.getContext().setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(system, null, system.getAuthorities()));
    imports.importGeoJson(Layer.WORKS, new ByteArrayInputStream(
        collection(city.stream().map(StreetGridWorks.Generated::feature).toList())));
    StreetGridWorks proposals = new StreetGridWorks(7, n);
    int count = 1_000;
    double[] ms = new double[count];
    long first = System.nanoTime();
    conflicts.check(json(proposals.next(0).feature()), null, null); // reads the layer, builds
    double firstMs = (System.nanoTime() - first) / 1e6;
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < count; i++) {
        JsonNode body = json(proposals.next(0).feature());
        long s = System.nanoTime();
        conflicts.check(body, null, null);
        ms[i] = (System.nanoTime() - s) / 1e6;
      }
    }
    Arrays.sort(ms);
    // A utility stores a work, then checks the next proposal: the snapshot re-reads only the
    // stored work (decision 16), the engine is rebuilt over the updated snapshot.
    double[] afterEdit = new double[10];
    for (int i = 0; i < afterEdit.length; i++) {
      layers.create(Layer.WORKS, json(proposals.next(0).feature()));
      JsonNode body = json(proposals.next(0).feature());
      long s = System.nanoTime();
      conflicts.check(body, null, null);
      afterEdit[i] = (System.nanoTime() - s) / 1e6;
    }
    Arrays.sort(afterEdit);
    String line = String.format(Locale.ROOT,
        "works/check service path, %,d works (H2GIS): median %.3f ms, p95 %.3f ms; first check"
            + " (reads the layer, builds the engine) %.0f ms; first check after storing one more"
            + " work: median %.0f ms, max %.0f ms%n", n,
        ms[count / 2], ms[(int) (count * 0.95)], firstMs, afterEdit[afterEdit.length / 2],
        afterEdit[afterEdit.length - 1]);
    System.out.print(line);
    Path out = Path.of("target", "bench", "check.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, line);
  }

  private static JsonNode json(Feature f) {
    return Http.JSON.readTree(new String(collection(List.of(f)), StandardCharsets.UTF_8))
        .get("features").get(0);
  }

  private static byte[] collection(List<Feature> features) {
    StringWriter out = new StringWriter();
    try (var g = Http.JSON.createGenerator(out)) {
      FeatureWriter.open(g);
      for (Feature f : features) {
        FeatureWriter.write(f, g);
      }
      FeatureWriter.close(g);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
