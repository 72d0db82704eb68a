package org.jointworks.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointworks.support.Fixtures.collection;
import static org.jointworks.support.Fixtures.community;
import static org.jointworks.support.Fixtures.work;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jointworks.JointWorksApplication;
import org.jointworks.support.Http;
import org.jointworks.support.PostgisDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Decision 60 through HTTP: the first answers after an import are built from the features the
 * import handed over, not read back from the store, and must be exactly the answers a restarted
 * service gives from the store — after an import into empty layers (the whole layer handed
 * over), after a second import into the same layers (added to the snapshot), and after an
 * import refused for one bad feature placed after several full batches (nothing stored, nothing
 * handed over). On H2GIS, and on PostGIS (COPY) when a test PostGIS is configured.
 */
class ImportHandOverTest {
  private static final String[] QUESTIONS = {
      "/api/linkage/adjacency?gapMeters=30", "/api/linkage/adjacency?gapMeters=0",
      "/api/works/conflicts", "/api/works/conflicts?bufferMeters=50",
      "/api/communities?limit=10000", "/api/works?limit=10000"};

  @Test
  void firstAnswersAfterImportsEqualTheAnswersAfterARestartOnH2gis() throws Exception {
    String dir = Files.createTempDirectory("jointworks-handover").toString();
    check(() -> start("--jointworks.data-dir=" + dir));
  }

  @Test
  void firstAnswersAfterImportsEqualTheAnswersAfterARestartOnPostgis() {
    Assumptions.assumeTrue(PostgisDatabase.url() != null, "no test PostGIS configured");
    String url = PostgisDatabase.freshSchemaUrl("handover");
    check(() -> start("--spring.profiles.active=postgis", "--spring.datasource.url=" + url,
        "--spring.datasource.hikari.maximum-pool-size=4"));
  }

  private interface Starter {
    ConfigurableApplicationContext start();
  }

  private static ConfigurableApplicationContext start(String... store) {
    List<String> args = new ArrayList<>(List.of(store));
    args.addAll(List.of("--server.port=0", "--jointworks.demo-users=true",
        "--jointworks.sample-data=false", "--spring.main.banner-mode=off"));
    return new SpringApplicationBuilder(JointWorksApplication.class)
        .run(args.toArray(String[]::new));
  }

  private static Http admin(ConfigurableApplicationContext c) {
    return Http.anonymous(Integer.parseInt(
        c.getEnvironment().getProperty("local.server.port"))).as("admin");
  }

  private void check(Starter starter) {
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    try (ConfigurableApplicationContext a = starter.start()) {
      Http admin = admin(a);
      importOk(admin, "communities", communities(0, 1200));
      importOk(admin, "works", works(0, 1500));
      LayerRevisions revisions = a.getBean(LayerRevisions.class);
      long communities = revisions.revision(Layer.COMMUNITIES);
      long works = revisions.revision(Layer.WORKS);
      HandOver.Catch handed = revisions.handedBetween(Layer.COMMUNITIES, -1, communities)
          .orElseThrow();
      assertThat(handed.fromScratch()).isTrue();
      // The snapshot is the hand-over's own features (not read back), and their metric
      // geometries, transformed by the snapshot (decision 112), are exactly what a restart's
      // snapshot transforms.
      int epsg = a.getBean(MetricLayers.class).metricEpsg();
      HandOver h = handed.added().get(0);
      assertThat(h.features()).hasSize(1200);
      MetricLayer current = a.getBean(MetricLayers.class).current(Layer.COMMUNITIES);
      for (int i = 0; i < h.features().size(); i += 97) {
        assertThat(current.features().get(i)).isSameAs(h.features().get(i));
        assertThat(current.metric().get(i)
            .equalsExact(MetricLayers.metric(h.features().get(i), epsg))).isTrue();
      }
      assertThat(revisions.handedBetween(Layer.WORKS, -1, works)).isPresent();
      first.addAll(answers(admin));
      // Added to the current snapshots: the second imports' features join the first ones.
      importOk(admin, "communities", communities(1200, 300));
      importOk(admin, "works", works(1500, 400));
      assertThat(revisions.handedBetween(Layer.COMMUNITIES, communities,
          revisions.revision(Layer.COMMUNITIES)).orElseThrow().fromScratch()).isFalse();
      assertThat(revisions.handedBetween(Layer.WORKS, works, revisions.revision(Layer.WORKS)))
          .isPresent();
      // A refused import after full batches stores nothing and hands nothing over.
      String refused = works(1900, 2500).replaceFirst(
          "(?s)(.*)\"end_date\":\"[0-9-]+\"", "$1\"end_date\":\"2000-01-01\"");
      Http.Response r = admin.post("/api/import/works", refused);
      assertThat(r.status()).as(r.body()).isEqualTo(422);
      assertThat(r.json().at("/errors/0/index").asInt()).isEqualTo(2499);
      assertThat(r.json().at("/errors/0/errors/0/code").asString()).isEqualTo("end_before_start");
      second.addAll(answers(admin));
    }
    try (ConfigurableApplicationContext b = starter.start()) {
      List<String> afterRestart = answers(admin(b));
      assertThat(afterRestart).isEqualTo(second);
    }
    assertThat(first).isNotEqualTo(second);
    assertThat(second.get(0)).contains("\"a\"");
    assertThat(second.get(2)).contains("\"kind\"");
  }

  private static void importOk(Http admin, String layer, String body) {
    Http.Response r = admin.post("/api/import/" + layer, body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private static List<String> answers(Http admin) {
    List<String> out = new ArrayList<>();
    for (String q : QUESTIONS) {
      Http.Response r = admin.get(q);
      assertThat(r.status()).as(q + " " + r.body()).isEqualTo(200);
      out.add(r.body());
    }
    return out;
  }

  /** {@code n} communities on a grid with gaps of a few metres to a few tens of metres. */
  static String communities(int from, int n) {
    String[] features = new String[n];
    for (int k = 0; k < n; k++) {
      int i = from + k;
      double lon = 113.80 + (i % 40) * 0.0013 + (i % 7) * 0.00004;
      double lat = 35.20 + (i / 40) * 0.0012;
      features[k] = community("小区" + i, i % 2 == 0 ? "weibin" : "hongqi", lon, lat, 0.001,
          10 + i % 90);
    }
    return collection(features);
  }

  /** {@code n} works of two utilities on a street grid, overlapping in time and space. */
  static String works(int from, int n) {
    String[] utilities = {"gas", "power"};
    String[] features = new String[n];
    for (int k = 0; k < n; k++) {
      int i = from + k;
      double lon = 113.80 + (i % 50) * 0.0011;
      double lat = 35.20 + (i / 50) * 0.00004;
      int month = 1 + i % 12;
      features[k] = work(utilities[i % 2], lon, lat,
          String.format("2023-%02d-01", month), String.format("2023-%02d-28", month));
    }
    return collection(features);
  }
}
