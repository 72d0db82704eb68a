package org.jointworks.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import org.jointworks.sample.DistrictTarget;
import org.jointworks.support.Http;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The embedded default as a newcomer meets it: the service starts on an empty store, loads the
 * sample city once, and answers with 138 communities whose figures add up per district to the
 * plan's table (read from gis-data/districts.csv, not restated here).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleCityStartTest {
  @LocalServerPort
  int port;
  @Autowired
  StartupData startupData;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, true);
    // The sample programme's one adjustment adds a 139th community (see docs/programme.md);
    // this test holds the sample city itself to the plan's table.
    registry.add("jointworks.programme.sample-programme", () -> "false");
  }

  @Test
  void exportedCommunitiesAddUpPerDistrictToThePlansTable() {
    JsonNode features = Http.anonymous(port).get("/api/export/communities").json().get("features");
    assertThat(features.size()).isEqualTo(138);
    Map<String, long[]> sums = new HashMap<>();
    for (JsonNode f : features) {
      JsonNode p = f.get("properties");
      long[] s = sums.computeIfAbsent(p.get("district").asString(), k -> new long[4]);
      s[0]++;
      s[1] += p.get("households").asLong();
      s[2] += p.get("buildings").asLong();
      s[3] += Math.round(p.get("floor_area_m2").asDouble());
    }
    for (Map<String, String> row : Csv.readResource("gis-data/districts.csv")) {
      long[] s = sums.get(row.get("code"));
      assertThat(s).as(row.get("code")).isNotNull();
      assertThat(s[0]).as("communities of " + row.get("code"))
          .isEqualTo(Long.parseLong(row.get("target_communities")));
      assertThat(s[1]).as("households of " + row.get("code"))
          .isEqualTo(Long.parseLong(row.get("target_households")));
      assertThat(s[2]).as("buildings of " + row.get("code"))
          .isEqualTo(Long.parseLong(row.get("target_buildings")));
      assertThat(s[3]).as("floor area of " + row.get("code"))
          .isEqualTo(Long.parseLong(row.get("target_floor_area_m2")));
    }
    assertThat(sums.values().stream().mapToLong(s -> s[1]).sum()).isEqualTo(22_149);
  }

  @Test
  void everyLayerOfTheSampleCityIsLoadedAndDistrictsHaveBoundaries() {
    Http admin = Http.anonymous(port).as("admin");
    for (String layer : new String[] {"streets", "pipelines", "works", "facilities"}) {
      assertThat(admin.get("/api/export/" + layer).json().get("features").size())
          .as(layer).isPositive();
    }
    JsonNode districts = admin.get("/api/export/districts").json().get("features");
    assertThat(districts.size()).isEqualTo(11);
    districts.forEach(d -> assertThat(d.get("geometry").isObject()).as(d.toString()).isTrue());
  }

  @Test
  void tilesAtTheOpeningZoomCarryEachDistrictsOutlineAndName() throws Exception {
    // Zoom 10 is where the map opens (MapProperties); the county labels come from these names.
    for (DistrictTarget t : DistrictTarget.plan()) {
      int n = 1 << 10;
      int x = (int) Math.floor((t.seatLon() + 180) / 360 * n);
      double lat = Math.toRadians(t.seatLat());
      int y = (int) Math.floor(
          (1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
      byte[] body = Http.anonymous(port).sendBytes(Http.anonymous(port)
          .builder("/ogcapi/collections/districts/tiles/WebMercatorQuad/10/" + y + "/" + x).GET())
          .body();
      JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(body), new GeometryFactory(),
          new TagKeyValueMapConverter());
      assertThat(mvt.getLayersByName()).as("tile of %s", t.code()).containsKey("districts");
      assertThat(mvt.getLayer("districts").getGeometries().stream()
          .map(g -> (Object) ((Map<?, ?>) g.getUserData()).get("name")))
          .as("district names in the tile of %s", t.code()).contains(t.name());
    }
  }

  @Test
  void startingAgainDoesNotLoadTheCityTwice() throws Exception {
    startupData.run(null);
    assertThat(Http.anonymous(port).get("/api/export/communities").json().get("features").size())
        .isEqualTo(138);
  }

  @Test
  void healthIsUp() {
    JsonNode health = Http.anonymous(port).get("/actuator/health").json();
    assertThat(health.get("status").asString()).isEqualTo("UP");
  }
}
