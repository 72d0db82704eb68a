package org.jointworks.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.layers.Feature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import tools.jackson.databind.JsonNode;

/**
 * The plan's sample city lies inside the real Xinxiang counties of
 * {@code gis-data/xinxiang-counties.geojson} (issue 18, item 2): every community, street, work
 * inside its own county's outline (高新区: inside its approximate zone), each district stored as
 * that outline (红旗区 without the 高新区 zone, decision 82), and each district's communities
 * centred within a few hundred metres of its county seat.
 */
class SampleCityInRealCountiesTest {
  private static final GeometryFactory GF = new GeometryFactory();
  private static final Map<String, Geometry> COUNTIES = new HashMap<>();
  private static final Map<String, String> BY_SHORT_NAME = new HashMap<>();
  private final SampleCity city = Fixtures.plan();

  @BeforeAll
  static void readCounties() throws IOException {
    JsonNode root = Fixtures.JSON.readTree(Path.of("gis-data/xinxiang-counties.geojson").toFile());
    for (JsonNode f : root.get("features")) {
      JsonNode ring = f.get("geometry").get("coordinates").get(0);
      List<Coordinate> cs = new ArrayList<>();
      for (JsonNode p : ring) {
        cs.add(new Coordinate(p.get(0).asDouble(), p.get(1).asDouble()));
      }
      String code = f.get("properties").get("code").asString();
      String name = f.get("properties").get("name").asString();
      COUNTIES.put(code, GF.createPolygon(cs.toArray(Coordinate[]::new)));
      BY_SHORT_NAME.put(name.substring(0, name.length() - 1), code);
    }
  }

  @Test
  void everyCommunityLiesInsideItsOwnRealCounty() {
    assertThat(city.communities()).hasSize(138);
    for (Feature c : city.communities()) {
      String code = c.text("district");
      assertThat(COUNTIES.get(code).contains(c.geometry()))
          .as("%s inside %s", c.text("name"), code).isTrue();
    }
  }

  @Test
  void everyStreetLiesInsideTheRealCountyItIsNamedAfter() {
    assertThat(city.streets()).isNotEmpty();
    for (Feature s : city.streets()) {
      String name = s.text("name");
      String code = BY_SHORT_NAME.get(name.substring(0, name.indexOf("示例")));
      assertThat(code).as("county of %s", name).isNotNull();
      assertThat(COUNTIES.get(code).contains(s.geometry())).as("%s inside %s", name, code)
          .isTrue();
    }
  }

  @Test
  void everyDistrictIsItsRealCountyOutlineAndEveryWorkLiesInsideItsCounty() {
    assertThat(city.districts()).hasSize(11);
    for (Feature d : city.districts()) {
      String code = d.text("code");
      Geometry outline = COUNTIES.get(code).buffer(0);
      if (code.equals("hongqi")) {
        // 红旗区 minus the approximate 高新区 zone drawn over it (decision 82).
        outline = outline.difference(COUNTIES.get("gaoxin").buffer(0));
      }
      assertThat(d.geometry().symDifference(outline).getArea())
          .as("district %s against its county outline", code)
          .isLessThan(1e-9 * outline.getArea());
      long worksIn = city.works().stream().filter(w -> d.geometry().covers(w.geometry()))
          .count();
      assertThat(worksIn).as("works in %s", code).isPositive();
    }
    for (Feature w : city.works()) {
      assertThat(COUNTIES.values().stream().anyMatch(c -> c.contains(w.geometry())))
          .as("work %d inside a county of Xinxiang", w.id()).isTrue();
    }
  }

  @Test
  void eachDistrictIsCentredNearItsCountySeat() {
    for (DistrictTarget t : DistrictTarget.plan()) {
      Geometry seat = GF.createPoint(new Coordinate(t.seatLon(), t.seatLat()));
      assertThat(COUNTIES.get(t.code()).contains(seat)).as("seat of %s", t.code()).isTrue();
      Feature d = city.districts().stream().filter(f -> t.code().equals(f.text("code")))
          .findFirst().orElseThrow();
      // The district is the county outline (decision 82); the generated town sits at the seat.
      Geometry town = city.communities().stream()
          .filter(c -> t.code().equals(c.text("district"))).map(Feature::geometry)
          .reduce(Geometry::union).orElseThrow();
      double metres = town.getEnvelope().getCentroid().distance(seat) * 100_000;
      assertThat(metres).as("district %s from its seat", t.code()).isLessThan(1_500);
    }
  }
}
