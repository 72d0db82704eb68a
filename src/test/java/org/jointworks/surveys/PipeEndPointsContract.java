package org.jointworks.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import org.jointworks.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The pipeline ↔ pipe-point link on the generic writes (decision 77) and the history of pipe
 * points, through HTTP. A test interface, so the survey contract's stores (H2GIS, PostGIS) run it
 * in their own context. Works for the telecom organisation only, and deletes what it made.
 */
interface PipeEndPointsContract {
  Http anonymousClient();

  static String point(String no, double lon) {
    return """
        {"type":"Feature","geometry":{"type":"Point","coordinates":[%s,35.31]},
         "properties":{"point_no":"%s","appurtenance":"manhole","utility":"telecom",
         "owner":"telecom","depth_m":1.1}}""".formatted(lon, no);
  }

  static String line(String owner, String start, String end) {
    return """
        {"type":"Feature","geometry":{"type":"LineString","coordinates":[[113.871,35.31],[113.872,35.31]]},
         "properties":{"utility":"telecom","owner":"%s","material":"PE","diameter_mm":100,
         "start_point":%s,"end_point":%s}}""".formatted(owner, quoted(start), quoted(end));
  }

  private static String quoted(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }

  private static String path(Http.Response created) {
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String location = created.header("Location");
    return location.substring(location.indexOf("/api/"));
  }

  @Test
  default void aPipelineNamesPointsOfItsOwnOwnerAndAReferencedPointStays() {
    Http telecom = anonymousClient().as("telecom");
    Http admin = anonymousClient().as("admin");
    String p1 = path(telecom.post("/api/pipe-points", point("DX1", 113.871)));
    String p2 = path(telecom.post("/api/pipe-points", point("DX2", 113.872)));

    // REST create: an unknown number, and a number only another owner has, are 422.
    for (String bad : new String[] {line("telecom", "DX1", "DX8"), line("telecom", "DX9", "DX2"),
        line("power", "DX1", null), line("power", null, "DX2")}) {
      Http.Response r = admin.post("/api/pipelines", bad);
      assertThat(r.status()).as(r.body()).isEqualTo(422);
      assertThat(r.json().at("/code").asString()).isEqualTo("pipelines.point_unknown");
    }
    String l1 = path(telecom.post("/api/pipelines", line("telecom", "DX1", "DX2")));
    String free = path(telecom.post("/api/pipelines", line("telecom", null, null))); // unlinked

    // REST replace, and the layers' import: the same rule.
    Http.Response read = telecom.get(l1);
    Http.Response put = telecom.put(l1, read.body().replace("\"DX2\"", "\"DX7\""),
        read.header("ETag"));
    assertThat(put.status()).as(put.body()).isEqualTo(422);
    assertThat(put.json().at("/code").asString()).isEqualTo("pipelines.point_unknown");
    Http.Response imported = telecom.post("/api/import/pipelines", "{\"type\":\"FeatureCollection\","
        + "\"features\":[" + line("telecom", "DX1", "DX2") + "," + line("telecom", "DX6", null)
        + "]}");
    assertThat(imported.status()).as(imported.body()).isEqualTo(422);
    assertThat(imported.body()).contains("pipelines.point_unknown");

    // A point a pipeline still names: not deleted, not renumbered (409); once the line goes, it may.
    Http.Response point = telecom.get(p1);
    Http.Response delete = telecom.delete(p1, point.header("ETag"));
    assertThat(delete.status()).as(delete.body()).isEqualTo(409);
    assertThat(delete.json().at("/code").asString()).isEqualTo("pipe_points.referenced");
    Http.Response renumber = telecom.put(p1, point.body().replace("\"DX1\"", "\"DX1a\""),
        point.header("ETag"));
    assertThat(renumber.status()).as(renumber.body()).isEqualTo(409);
    Http.Response deepen = telecom.put(p1, point.body().replace("1.1", "1.3"),
        point.header("ETag"));
    assertThat(deepen.status()).as(deepen.body()).isEqualTo(200);
    assertThat(telecom.delete(l1, telecom.get(l1).header("ETag")).status()).isEqualTo(204);

    // The point's history, through HTTP: created, then deepened; anonymous users get 401.
    long id = Long.parseLong(p1.substring(p1.lastIndexOf('/') + 1));
    Http.Response history = telecom.get("/api/history/pipe-points/" + id);
    assertThat(history.status()).as(history.body()).isEqualTo(200);
    JsonNode entries = history.json().get("entries");
    assertThat(entries.findValuesAsString("action")).containsExactly("create", "update");
    assertThat(entries.get(1).at("/changes/0/property").asString()).isEqualTo("depth_m");
    assertThat(anonymousClient().get("/api/history/pipe-points/" + id).status()).isEqualTo(401);
    assertThat(telecom.get("/api/history/pipe_points/" + id).status()).isEqualTo(404);

    // Leaves nothing behind: the survey contract counts the telecom features of its own tests.
    for (String done : new String[] {p1, p2, free}) {
      assertThat(telecom.delete(done, telecom.get(done).header("ETag")).status()).isEqualTo(204);
    }
  }
}
