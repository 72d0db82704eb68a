package org.jointworks.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.bench.GridCity;
import org.jointworks.support.Http;
import org.jointworks.support.PostgisDatabase;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The service's adjacency equals PostGIS's on the same stored data: the pair set of
 * {@code ST_DWithin} and the gaps of {@code ST_Distance} (to 1 cm), both on
 * {@code ST_Transform(geom, 4547)}, for a generated city of 2,500 communities with shared walls,
 * sliver overlaps and streets, at gaps 0, 10 and 30 m. The city goes in through the import
 * endpoint and the answer comes out of the adjacency endpoint: the whole path is checked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgis")
@EnabledIfEnvironmentVariable(named = PostgisDatabase.URL_VARIABLE, matches = ".+")
class PostgisAgreementTest {
  /** The stored communities transformed once, with a GiST index, so the join is indexed. */
  private static final String METRIC_COPY = """
      CREATE TABLE agreement_metric AS
      SELECT id, ST_Transform(geom, 4547) AS g FROM communities;
      CREATE INDEX ON agreement_metric USING GIST (g);
      ANALYZE agreement_metric""";
  private static final String POSTGIS_PAIRS = """
      SELECT a.id, b.id, ST_Distance(a.g, b.g)
      FROM agreement_metric a JOIN agreement_metric b ON a.id < b.id AND ST_DWithin(a.g, b.g, ?)""";

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.postgis(registry, "agreement", false);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 10, 30})
  void adjacencyEqualsPostgis(double gapMeters) {
    Http admin = Http.anonymous(port).as("admin");
    if (jdbc.queryForObject("SELECT COUNT(*) FROM communities", Long.class) == 0) {
      Http.Response r = admin.post("/api/import/communities",
          GridCity.geoJson(GridCity.communities(2500, 11)));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      for (String sql : METRIC_COPY.split(";")) {
        jdbc.execute(sql);
      }
    }
    Map<String, Double> theirs = new HashMap<>();
    jdbc.query(POSTGIS_PAIRS, rs -> {
      theirs.put(rs.getLong(1) + "-" + rs.getLong(2), rs.getDouble(3));
    }, gapMeters);
    Http.Response r = Http.anonymous(port).get("/api/linkage/adjacency?gapMeters=" + gapMeters);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    Map<String, Double> ours = new HashMap<>();
    for (JsonNode p : r.json().get("pairs")) {
      ours.put(p.get("a").asLong() + "-" + p.get("b").asLong(), p.get("gapMeters").asDouble());
    }
    assertThat(ours.keySet()).isEqualTo(theirs.keySet());
    assertThat(theirs).isNotEmpty();
    for (var e : theirs.entrySet()) {
      assertThat(ours.get(e.getKey())).as(e.getKey())
          .isCloseTo(e.getValue(), org.assertj.core.api.Assertions.within(0.01));
    }
    // The city has every kind of neighbour: shared walls and slivers (0) and streets (> 0).
    List<Double> gaps = List.copyOf(ours.values());
    assertThat(gaps).contains(0.0);
    if (gapMeters > 0) {
      assertThat(gaps).anyMatch(g -> g > 0);
    }
  }
}
