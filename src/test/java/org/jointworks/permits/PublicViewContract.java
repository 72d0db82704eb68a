package org.jointworks.permits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointworks.permits.Patch.work;
import static org.jointworks.support.Fixtures.collection;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jointworks.support.Http;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;
import tools.jackson.databind.JsonNode;

/**
 * Anonymous users see approved and in-progress works only, on every read path: the layer's list
 * and single feature, the GeoJSON and CSV exports, OGC API items (list and one), the conflicts
 * (API and OGC collection) and the works tiles. Signed-in users see every work.
 */
abstract class PublicViewContract extends CommentsContract {

  @Test
  void anonymousUsersNeverSeeDraftsOrApplications() throws Exception {
    Patch p = new Patch();
    Http.Response r = admin.post("/api/import/works", collection(
        work(p.line(0, 0, 300, 0), "water_supply", "water_supply", "approved", "2023-03-01",
            "2023-03-31"),
        work(p.line(0, 2, 300, 2), "gas", "gas", "submitted", "2023-03-05", "2023-03-25"),
        work(p.line(0, -2, 300, -2), "power", "power", "draft", "2023-03-05", "2023-03-25"),
        work(p.line(0, 4, 300, 4), "telecom", "telecom", "in_progress", "2023-03-05",
            "2023-03-25")));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    long approved = r.json().at("/ids/0").asLong();
    long submitted = r.json().at("/ids/1").asLong();
    long draft = r.json().at("/ids/2").asLong();
    long running = r.json().at("/ids/3").asLong();
    String bbox = String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", p.lon(-10), p.lat(-10),
        p.lon(310), p.lat(10));

    assertThat(ids(anonymous.get("/api/works?bbox=" + bbox).json()))
        .containsExactlyInAnyOrder(approved, running);
    assertThat(ids(gas.get("/api/works?bbox=" + bbox).json()))
        .containsExactlyInAnyOrder(approved, submitted, draft, running);
    assertThat(anonymous.get("/api/works/" + draft).status()).isEqualTo(404);
    assertThat(anonymous.get("/api/works/" + submitted).status()).isEqualTo(404);
    assertThat(anonymous.get("/api/works/" + approved).status()).isEqualTo(200);

    List<Long> exported = ids(anonymous.get("/api/export/works").json());
    assertThat(exported).contains(approved, running).doesNotContain(submitted, draft);
    assertThat(ids(admin.get("/api/export/works").json())).contains(submitted, draft);
    String csv = anonymous.get("/api/files/csv/works").body();
    assertThat(csv).contains("in_progress").doesNotContain("draft").doesNotContain("submitted");

    JsonNode items = anonymous.get("/ogcapi/collections/works/items?bbox=" + bbox
        + "&f=json").json();
    assertThat(ids(items)).containsExactlyInAnyOrder(approved, running);
    assertThat(items.get("numberMatched").asLong()).isEqualTo(2);
    assertThat(anonymous.get("/ogcapi/collections/works/items/" + draft + "?f=json").status())
        .isEqualTo(404);
    assertThat(gas.get("/ogcapi/collections/works/items/" + draft + "?f=json").status())
        .isEqualTo(200);

    List<String> anonymousPairs = pairs(anonymous.get("/api/works/conflicts").json(), approved);
    assertThat(anonymousPairs).contains(approved + "-" + running)
        .doesNotContain(approved + "-" + submitted);
    assertThat(pairs(gas.get("/api/works/conflicts").json(), approved))
        .contains(approved + "-" + submitted);
    assertThat(anonymous.get("/ogcapi/collections/conflicts/items/" + approved + "-" + submitted
        + "?f=json").status()).isEqualTo(404);
    assertThat(anonymous.get("/ogcapi/collections/conflicts/items/" + approved + "-" + running
        + "?f=json").status()).isEqualTo(200);

    int z = 16;
    double lon = p.lon(150);
    double lat = p.lat(0);
    int x = (int) Math.floor((lon + 180) / 360 * (1 << z));
    double rad = Math.toRadians(lat);
    int y = (int) Math.floor((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2
        * (1 << z));
    HttpResponse<byte[]> tile = anonymous.sendBytes(anonymous.builder(
        "/ogcapi/collections/works/tiles/WebMercatorQuad/" + z + "/" + y + "/" + x).GET());
    assertThat(tile.statusCode()).isEqualTo(200);
    JtsLayer works = MvtReader.loadMvt(new ByteArrayInputStream(tile.body()),
        new GeometryFactory(), new TagKeyValueMapConverter()).getLayer("works");
    List<Object> statuses = new ArrayList<>();
    works.getGeometries().forEach(g -> statuses.add(((Map<?, ?>) g.getUserData()).get("status")));
    assertThat(statuses).isNotEmpty().allMatch(s -> s.equals("approved")
        || s.equals("in_progress"));
  }

  @Test
  void citizensListTheWorksNearAPlaceOrOnAStreetInTheComingDays() {
    Patch p = new Patch();
    java.time.LocalDate today = java.time.LocalDate.now();
    String soon = today.plusDays(5).toString();
    String soonEnd = today.plusDays(20).toString();
    String later = today.plusDays(60).toString();
    String laterEnd = today.plusDays(70).toString();
    Http.Response r = admin.post("/api/import/works", collection(
        details(work(p.line(0, 0, 100, 0), "gas", "gas", "approved", soon, soonEnd),
            "解放路" + p.lon0, "full_closure", "0373-1234567"),
        details(work(p.line(0, 300, 100, 300), "power", "power", "in_progress",
            today.minusDays(3).toString(), soon), "胜利路" + p.lon0, "partial_closure", "95598"),
        details(work(p.line(0, 10, 100, 10), "water_supply", "water_supply", "approved", later,
            laterEnd), "解放路" + p.lon0, "none", "x"),
        details(work(p.line(0, 5, 100, 5), "heating", "heating", "submitted", soon, soonEnd),
            "解放路" + p.lon0, "full_closure", "y")));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    long gasWork = r.json().at("/ids/0").asLong();
    long powerWork = r.json().at("/ids/1").asLong();
    String near = String.format(Locale.ROOT, "%.7f,%.7f", p.lon(50), p.lat(-20));

    JsonNode list = anonymous.get("/api/public/works/upcoming?near=" + near
        + "&radiusMeters=500").json();
    assertThat(list.get("from").asString()).isEqualTo(today.toString());
    assertThat(list.get("to").asString()).isEqualTo(today.plusDays(30).toString());
    List<Long> found = new ArrayList<>();
    list.get("works").forEach(w -> found.add(w.get("id").asLong()));
    assertThat(found).containsExactly(gasWork, powerWork);
    JsonNode first = list.at("/works/0");
    assertThat(first.get("trafficImpact").asString()).isEqualTo("full_closure");
    assertThat(first.get("contact").asString()).isEqualTo("0373-1234567");
    assertThat(first.get("street").asString()).startsWith("解放路");
    assertThat(first.get("distanceMeters").asDouble()).isBetween(15.0, 25.0);
    assertThat(first.get("ownerName").asString()).isNotBlank();

    JsonNode street = anonymous.get("/api/public/works/upcoming?street="
        + java.net.URLEncoder.encode("胜利路" + p.lon0, java.nio.charset.StandardCharsets.UTF_8))
        .json();
    assertThat(street.get("works").findValuesAsString("status")).containsExactly("in_progress");
    JsonNode wider = anonymous.get("/api/public/works/upcoming?near=" + near
        + "&radiusMeters=500&days=90").json();
    assertThat(wider.get("works").size()).isEqualTo(3);
    assertThat(anonymous.get("/api/public/works/upcoming?near=1000,1").status()).isEqualTo(400);
    assertThat(anonymous.get("/api/public/works/upcoming?radiusMeters=0").json().get("code")
        .asString()).isEqualTo("public_works.radius");
    assertThat(gas.post("/api/works", details(work(p.line(0, 0, 10, 0), "gas", "gas", null,
        soon, soonEnd), "x".repeat(201), "none", "c")).status()).isEqualTo(422);
  }

  /** The feature with its public details: street, traffic impact, contact. */
  private static String details(String feature, String street, String impact, String contact) {
    return feature.replace("\"trench_width_m\":0.8", "\"trench_width_m\":0.8,\"street\":\""
        + street + "\",\"traffic_impact\":\"" + impact + "\",\"contact\":\"" + contact
        + "\"");
  }

  private static List<Long> ids(JsonNode collection) {
    List<Long> out = new ArrayList<>();
    collection.get("features").forEach(f -> out.add(f.get("id").asLong()));
    return out;
  }

  private static List<String> pairs(JsonNode list, long id) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : list.get("conflicts")) {
      long a = c.at("/a/id").asLong();
      long b = c.at("/b/id").asLong();
      if (a == id || b == id) {
        out.add(a + "-" + b);
      }
    }
    return out;
  }
}
