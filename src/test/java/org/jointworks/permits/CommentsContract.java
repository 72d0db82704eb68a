package org.jointworks.permits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointworks.permits.Patch.work;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jointworks.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Comments, attachments and history through HTTP, on the works workflow's context: a comment
 * tells the work's utility; attachments are PDF/JPEG/PNG by their bytes, bounded, stored in the
 * database and returned byte for byte; a work's history lists who changed which property.
 */
abstract class CommentsContract extends NotificationsContract {
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
  static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"
      .getBytes(StandardCharsets.US_ASCII);

  HttpResponse<byte[]> upload(Http who, String path, String type, byte[] body) {
    return who.sendBytes(who.builder(path).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  @Test
  void aCommentOnAWorkTellsItsUtility() {
    Patch p = new Patch();
    long id = create(gas, work(p.line(0, 0, 60, 0), "gas", "gas", null, "2023-09-01",
        "2023-09-20"));
    Http.Response c = roads.post("/api/works/" + id + "/comments",
        "{\"body\":\"please add the traffic plan\"}");
    assertThat(c.status()).as(c.body()).isEqualTo(201);
    assertThat(about(gas, "comment.new", id)).hasSize(1);
    assertThat(about(gas, "comment.new", id).get(0).at("/args/author").asString())
        .isEqualTo("roads");
    JsonNode thread = gas.get("/api/works/" + id + "/comments").json();
    assertThat(thread.at("/comments/0/body").asString()).isEqualTo("please add the traffic plan");
    assertThat(thread.at("/comments/0/author").asString()).isEqualTo("roads");
    assertThat(roads.post("/api/works/" + id + "/comments", "{\"body\":\"  \"}").status())
        .isEqualTo(422);
    Http.Response nul = roads.post("/api/works/" + id + "/comments",
        "{\"body\":\"a\\u0000b\"}");
    assertThat(nul.status()).as(nul.body()).isEqualTo(422);
    assertThat(nul.body()).contains("U+0000");
    assertThat(anonymous.get("/api/works/" + id + "/comments").status()).isEqualTo(401);
    assertThat(anonymous.as("leader").post("/api/works/" + id + "/comments",
        "{\"body\":\"x\"}").status()).isEqualTo(403);
    assertThat(gas.post("/api/works/999999999/comments", "{\"body\":\"x\"}").status())
        .isEqualTo(404);
  }

  @Test
  void attachmentsAreCheckedByTheirBytesAndStoredWithTheData() {
    Patch p = new Patch();
    long id = create(gas, work(p.line(0, 0, 60, 0), "gas", "gas", null, "2023-09-01",
        "2023-09-20"));
    String path = "/api/works/" + id + "/attachments?filename=";
    HttpResponse<byte[]> pdf = upload(gas, path + "permit.pdf", "application/pdf", PDF);
    assertThat(pdf.statusCode()).as(new String(pdf.body(), StandardCharsets.UTF_8))
        .isEqualTo(201);
    JsonNode a = Http.JSON.readTree(pdf.body());
    assertThat(a.get("mediaType").asString()).isEqualTo("application/pdf");
    assertThat(a.get("sizeBytes").asLong()).isEqualTo(PDF.length);
    assertThat(upload(gas, path + "photo.png", "image/png", PNG).statusCode()).isEqualTo(201);

    HttpResponse<byte[]> html = upload(gas, path + "x.pdf", "application/pdf",
        "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
    assertThat(html.statusCode()).isEqualTo(415);
    assertThat(new String(html.body(), StandardCharsets.UTF_8)).contains("attachments.type");
    HttpResponse<byte[]> lying = upload(gas, path + "x.png", "image/png", PDF);
    assertThat(lying.statusCode()).isEqualTo(415);
    assertThat(new String(lying.body(), StandardCharsets.UTF_8))
        .contains("attachments.type_mismatch");
    byte[] big = Arrays.copyOf(PNG, 10 * 1024 * 1024 + 1);
    HttpResponse<byte[]> tooBig = upload(gas, path + "big.png", "image/png", big);
    assertThat(tooBig.statusCode()).isEqualTo(413);
    assertThat(upload(anonymous, path + "a.pdf", "application/pdf", PDF).statusCode())
        .isEqualTo(401);

    HttpResponse<byte[]> back = gas.sendBytes(gas.builder("/api/attachments/"
        + a.get("id").asLong()).GET());
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(back.body()).isEqualTo(PDF);
    assertThat(back.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    assertThat(back.headers().firstValue("X-Content-Type-Options").orElse("")).isEqualTo("nosniff");
    assertThat(anonymous.get("/api/attachments/" + a.get("id").asLong()).status()).isEqualTo(401);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM attachments WHERE subject_id = ?",
        Integer.class, id)).isEqualTo(2);
    assertThat(gas.get("/api/works/" + id + "/comments").json().get("attachments").size())
        .isEqualTo(2);
  }

  @Test
  void aWorksHistorySaysWhoChangedWhichProperty() {
    Patch p = new Patch();
    long id = create(gas, work(p.line(0, 0, 60, 0), "gas", "gas", null, "2023-10-01",
        "2023-10-20"));
    Http.Response read = gas.get("/api/works/" + id);
    assertThat(gas.put("/api/works/" + id, read.body().replace("2023-10-20", "2023-10-25"),
        read.header("ETag")).status()).isEqualTo(200);
    step(gas, id, "submit", 200);
    JsonNode h = roads.get("/api/history/works/" + id).json();
    JsonNode entries = h.get("entries");
    assertThat(entries.findValuesAsString("action"))
        .containsExactly("create", "update", "permit.submit");
    assertThat(entries.get(0).get("actor").asString()).isEqualTo("gas");
    JsonNode update = entries.get(1).get("changes");
    assertThat(update.size()).isEqualTo(1);
    assertThat(update.at("/0/property").asString()).isEqualTo("end_date");
    assertThat(update.at("/0/before").asString()).isEqualTo("2023-10-20");
    assertThat(update.at("/0/after").asString()).isEqualTo("2023-10-25");
    assertThat(entries.get(2).at("/changes/0/property").asString()).isEqualTo("status");
    assertThat(entries.get(2).at("/changes/0/after").asString()).isEqualTo("submitted");
    assertThat(anonymous.get("/api/history/works/" + id).status()).isEqualTo(401);
    assertThat(roads.get("/api/history/secrets/1").status()).isEqualTo(404);
  }
}
