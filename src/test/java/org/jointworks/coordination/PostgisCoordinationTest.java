package org.jointworks.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.jointworks.coordination.WorksFixtures.work;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jointworks.support.Http;
import org.jointworks.support.PostgisDatabase;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The coordination contract on PostGIS, and the agreement of the conflict engine with PostGIS on
 * generated works: the same pairs as {@code ST_DWithin} on {@code ST_Transform(geom, 4547)} with
 * the time rules in SQL, and {@code gapMeters} equal to {@code ST_Distance} to 1 cm,
 * {@code overlapM2} equal to the area of {@code ST_Intersection} to 0.01 m².
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgis")
@EnabledIfEnvironmentVariable(named = PostgisDatabase.URL_VARIABLE, matches = ".+")
class PostgisCoordinationTest extends CoordinationContract {
  private static final String[] UTILITIES =
      {"water_supply", "drainage", "gas", "heating", "power", "telecom"};

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.postgis(registry, "coordination", false);
  }

  /** The conflict rule in PostGIS, on the test's own patch of works. */
  static final String POSTGIS_CONFLICTS = """
      SELECT a.id AS a, b.id AS b,
             ST_Distance(ST_Transform(a.geom, 4547), ST_Transform(b.geom, 4547)) AS d,
             CASE WHEN ST_Dimension(a.geom) = 2 AND ST_Dimension(b.geom) = 2
                  THEN ST_Area(ST_Intersection(ST_Transform(a.geom, 4547),
                                               ST_Transform(b.geom, 4547))) END AS area
      FROM works a JOIN works b ON a.id < b.id
       AND ST_DWithin(ST_Transform(a.geom, 4547), ST_Transform(b.geom, 4547), ?)
      WHERE a.id BETWEEN ? AND ? AND b.id BETWEEN ? AND ?
        AND a.status <> 'cancelled' AND b.status <> 'cancelled'
        AND ((a.start_date <= b.end_date + ? AND b.start_date <= a.end_date + ?)
          OR (a.end_date < b.start_date AND b.start_date < (a.end_date + interval '3 years')::date)
          OR (b.end_date < a.start_date AND a.start_date < (b.end_date + interval '3 years')::date))
      """;

  @Test
  void conflictsEqualPostgisOnGeneratedWorks() {
    WorksFixtures m = new WorksFixtures(113.75, 35.45);
    Random random = new Random(20231031);
    List<String> works = new ArrayList<>();
    for (int k = 0; k < 400; k++) {
      String geometry;
      double street = 40 * random.nextInt(6);          // six streets each way, 40 m apart
      double along = random.nextDouble() * 200;
      double length = 5 + random.nextDouble() * 80;
      double offset = (random.nextDouble() - 0.5) * 14;  // within ±7 m of the centre line
      int shape = random.nextInt(10);
      if (shape < 4) {
        geometry = m.line(along, street + offset, along + length, street + offset * 0.7);
      } else if (shape < 8) {
        geometry = m.line(street + offset, along, street - offset * 0.5, along + length);
      } else {
        double w = 2 + random.nextDouble() * 10;
        geometry = m.rect(along, street + offset, along + w, street + offset + w);
      }
      LocalDate start = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(3 * 365));
      LocalDate end = start.plusDays(3 + random.nextInt(60));
      String status = random.nextInt(12) == 0 ? "cancelled" : "approved";
      works.add(work(geometry, UTILITIES[random.nextInt(6)], "replace", status, start.toString(),
          end.toString()));
    }
    List<Long> ids = importInto("works", works.toArray(String[]::new));
    long lo = ids.get(0);
    long hi = ids.get(ids.size() - 1);
    for (double buffer : new double[] {0.5, 5, 12.5}) {
      for (int gap : new int[] {0, 30}) {
        agree(lo, hi, buffer, gap, ids);
      }
    }
  }

  private void agree(long lo, long hi, double buffer, int gap, List<Long> ids) {
    Map<String, double[]> postgis = new HashMap<>();
    jdbc.query(POSTGIS_CONFLICTS, rs -> {
      postgis.put(rs.getLong("a") + "-" + rs.getLong("b"),
          new double[] {rs.getDouble("d"), rs.getObject("area") == null ? -1 : rs.getDouble("area")});
    }, buffer, lo, hi, lo, hi, gap, gap);
    JsonNode answer = Http.anonymous(port)
        .get("/api/works/conflicts?bufferMeters=" + buffer + "&gapDays=" + gap).json();
    Map<String, JsonNode> ours = new HashMap<>();
    for (JsonNode c : among(answer.get("conflicts"), ids)) {
      ours.put(c.at("/a/id").asLong() + "-" + c.at("/b/id").asLong(), c);
    }
    assertThat(postgis).as("buffer %s gap %s", buffer, gap).isNotEmpty();
    assertThat(ours.keySet()).as("buffer %s gap %s", buffer, gap)
        .containsExactlyInAnyOrderElementsOf(postgis.keySet());
    for (var e : postgis.entrySet()) {
      JsonNode c = ours.get(e.getKey());
      assertThat(c.get("gapMeters").asDouble()).as(e.getKey())
          .isCloseTo(e.getValue()[0], within(0.01));
      if (e.getValue()[1] >= 0) {
        assertThat(c.get("overlapM2").asDouble()).as(e.getKey())
            .isCloseTo(e.getValue()[1], within(0.01));
      }
    }
  }
}
