package org.jointworks.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jointworks.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The survey import and export through HTTP: a real {@code .xlsx} written with POI and a CSV
 * pair import into pipe points and pipelines; a bad row anywhere stores nothing; the owner rule;
 * zip bombs and oversize bodies; anonymous users never see a pipe point; and an export imports
 * back to the same tables. Subclasses run it on H2GIS and PostGIS. Each test works for its own
 * organisation, so tests sharing a store do not meet.
 */
abstract class SurveyImportContract implements PipeEndPointsContract {
  static final String IMPORT = "/api/surveys/import";
  static final String[] POINT_HEADERS =
      {"物探点号", "特征", "附属物", "X", "Y", "地面高程(m)", "埋深(m)", "管线类别", "备注"};
  static final String[] LINE_HEADERS =
      {"起点号", "终点号", "材质", "管径(mm)", "起点埋深", "终点埋深", "埋设方式"};

  @LocalServerPort
  int port;
  Http anonymous;
  Http admin;

  @BeforeEach
  void clients() {
    anonymous = Http.anonymous(port);
    admin = anonymous.as("admin");
  }

  @Override
  public Http anonymousClient() {
    return anonymous;
  }

  /** Three points {@code p}1..3 and two lines; the second line has no depths of its own. */
  static String[][] points(String p, String utility) {
    return new String[][] {POINT_HEADERS.clone(),
        {p + "1", "三通", "阀门", "3909500.1", "486300.2", "72.35", "1.2", utility, ""},
        {p + "2", "直线点", "", "3909500.4", "486350.7", "72.41", "1.25", utility, "x"},
        {p + "3", "", "检查井", "3909540.25", "486352", "72.5", "1.4", utility, ""}};
  }

  static String[][] lines(String p, String end) {
    return new String[][] {LINE_HEADERS.clone(),
        {p + "1", p + "2", "PE", "200", "1.1", "1.15", "直埋"},
        {p + "2", end, "PE", "160", "", "", ""}};
  }

  @Test
  void anXlsxImportsIntoPointsAndLinesWithDepthsFromTheEndPoints() throws IOException {
    Http gas = anonymous.as("gas");
    byte[] book = SurveyFiles.workbook(points("RQ", "燃气"), lines("RQ", "RQ3"));
    // Whatever the declared type of a raw body: the workbook is told by its bytes.
    Http.Response r = SurveyFiles.raw(gas, IMPORT, "text/plain", book);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode j = r.json();
    assertThat(j.at("/features/points/imported").asInt()).isEqualTo(3);
    assertThat(j.at("/features/lines/imported").asInt()).isEqualTo(2);
    assertThat(j.at("/mapping/points/ground_elevation_m").asString()).isEqualTo("地面高程(m)");
    assertThat(j.at("/errors").size()).isZero();

    JsonNode p1 = gas.get("/api/pipe-points/" + j.at("/features/points/ids/0").asLong()).json();
    assertThat(p1.at("/properties/point_no").asString()).isEqualTo("RQ1");
    assertThat(p1.at("/properties/appurtenance").asString()).isEqualTo("valve");
    assertThat(p1.at("/properties/utility").asString()).isEqualTo("gas");
    assertThat(p1.at("/properties/owner").asString()).isEqualTo("gas");
    assertThat(p1.at("/properties/ground_elevation_m").asDouble()).isEqualTo(72.35);
    assertThat(p1.at("/geometry/coordinates/0").asDouble()).isBetween(113.8, 114.0);

    JsonNode l1 = gas.get("/api/pipelines/" + j.at("/features/lines/ids/0").asLong()).json();
    assertThat(l1.at("/properties/start_point").asString()).isEqualTo("RQ1");
    assertThat(l1.at("/properties/depth_start_m").asDouble()).isEqualTo(1.1);
    assertThat(l1.at("/properties/laying").asString()).isEqualTo("direct_buried");
    assertThat(l1.at("/properties/utility").asString()).isEqualTo("gas");
    JsonNode l2 = gas.get("/api/pipelines/" + j.at("/features/lines/ids/1").asLong()).json();
    assertThat(l2.at("/properties/depth_start_m").asDouble()).isEqualTo(1.25);
    assertThat(l2.at("/properties/depth_end_m").asDouble()).isEqualTo(1.4);
    assertThat(l2.at("/geometry/type").asString()).isEqualTo("LineString");

    // The same survey again: the owner has these point numbers already; nothing is stored.
    // curl's --data-binary declares a form: the workbook must not be parsed as form fields.
    Http.Response again = SurveyFiles.raw(gas, IMPORT + "?crs=4547",
        "application/x-www-form-urlencoded", book);
    assertThat(again.status()).as(again.body()).isEqualTo(409);
    assertThat(again.json().at("/code").asString()).isEqualTo("survey.rows");
    assertThat(again.json().at("/errors/0/code").asString()).isEqualTo("survey.point_exists");
    assertThat(again.json().at("/errors/0/row").asInt()).isEqualTo(2);
    assertThat(owned("pipe-points", "gas")).isEqualTo(3);
  }

  @Test
  void aCsvPairImportsAsMultipartPartsAWorkbookAsOnePartAndTheClientMayMapColumns() throws IOException {
    Http water = anonymous.as("water_supply");
    String[][] pts = points("JS", "给水");
    Http.Response r = SurveyFiles.multipart(water, IMPORT,
        "points", "管点表.csv", ("\uFEFF" + SurveyFiles.csv(pts)).getBytes(StandardCharsets.UTF_8),
        "lines", "管线表.csv", SurveyFiles.csv(lines("JS", "JS3"))
            .getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().at("/features/points/imported").asInt()).isEqualTo(3);
    assertThat(r.json().at("/features/lines/imported").asInt()).isEqualTo(2);
    assertThat(owned("pipe-points", "water_supply")).isEqualTo(3);

    Http.Response book = SurveyFiles.multipart(water, IMPORT, "file", "survey.xlsx",
        SurveyFiles.workbook(points("JW", "water_supply"), lines("JW", "JW3")));
    assertThat(book.status()).as(book.body()).isEqualTo(200);
    assertThat(owned("pipe-points", "water_supply")).isEqualTo(6);

    // Headers no word maps: the required column is missing until the client maps it.
    String[][] odd = points("JM", "给水");
    odd[0][0] = "编号";
    byte[] oddBook = SurveyFiles.workbook(odd, lines("JM", "JM3"));
    Http.Response missing = SurveyFiles.raw(water, IMPORT, null, oddBook);
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.json().at("/errors/0/code").asString()).isEqualTo("survey.column_missing");
    assertThat(missing.json().at("/errors/0/field").asString()).isEqualTo("point_no");
    String mapping = java.net.URLEncoder.encode("{\"points\":{\"point_no\":\"编号\"}}",
        StandardCharsets.UTF_8);
    Http.Response mapped = SurveyFiles.raw(water, IMPORT + "?mapping=" + mapping, null, oddBook);
    assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
    assertThat(mapped.json().at("/mapping/points/point_no").asString()).isEqualTo("编号");
    assertThat(owned("pipe-points", "water_supply")).isEqualTo(9);
    String wrong = java.net.URLEncoder.encode("{\"points\":{\"point_no\":\"号码\"}}",
        StandardCharsets.UTF_8);
    Http.Response bad = SurveyFiles.raw(water, IMPORT + "?mapping=" + wrong, null, oddBook);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/code").asString()).isEqualTo("survey.mapping_header");
  }

  @Test
  void aBrokenRowAnywhereStoresNothingAndEveryBadRowIsListed() throws IOException {
    Http drainage = anonymous.as("drainage");
    Http.Response dangling = SurveyFiles.raw(drainage, IMPORT, null,
        SurveyFiles.workbook(points("PS", "排水"), lines("PS", "PS9")));
    assertThat(dangling.status()).as(dangling.body()).isEqualTo(422);
    JsonNode e = dangling.json();
    assertThat(e.at("/code").asString()).isEqualTo("survey.rows");
    assertThat(e.at("/errors/0/table").asString()).isEqualTo("lines");
    assertThat(e.at("/errors/0/row").asInt()).isEqualTo(3);
    assertThat(e.at("/errors/0/field").asString()).isEqualTo("end_point");
    assertThat(e.at("/errors/0/code").asString()).isEqualTo("survey.point_unknown");
    assertThat(e.at("/mapping/lines/diameter_mm").asString()).isEqualTo("管径(mm)");

    // Rows that link but break the layers' rules: an unknown appurtenance, a negative depth.
    String[][] pts = points("PS", "排水");
    pts[2][2] = "飞碟";
    pts[3][6] = "-1";
    Http.Response bad = SurveyFiles.raw(drainage, IMPORT, null,
        SurveyFiles.workbook(pts, lines("PS", "PS3")));
    assertThat(bad.status()).as(bad.body()).isEqualTo(422);
    assertThat(bad.json().at("/errors").size()).isEqualTo(2);
    assertThat(bad.json().at("/errors/0/row").asInt()).isEqualTo(3);
    assertThat(bad.json().at("/errors/0/field").asString()).isEqualTo("appurtenance");
    assertThat(bad.json().at("/errors/0/code").asString()).isEqualTo("survey.value_unknown");
    assertThat(bad.json().at("/errors/1/field").asString()).isEqualTo("depth_m");
    assertThat(owned("pipe-points", "drainage")).isZero();
    assertThat(owned("pipelines", "drainage")).isZero();

    // Coordinates no projection can place are a row error, not a failure of the service.
    String[][] far = points("PS", "排水");
    far[1][3] = "1e30";
    far[2][4] = "NaN";
    Http.Response nowhere = SurveyFiles.raw(drainage, IMPORT, null,
        SurveyFiles.workbook(far, lines("PS", "PS3")));
    assertThat(nowhere.status()).as(nowhere.body()).isEqualTo(422);
    assertThat(nowhere.json().at("/errors/0/row").asInt()).isEqualTo(2);
    assertThat(nowhere.json().at("/errors/1/row").asInt()).isEqualTo(3);
    assertThat(owned("pipe-points", "drainage")).isZero();

    Http.Response raw = SurveyFiles.raw(drainage, IMPORT, "text/csv",
        SurveyFiles.csv(pts).getBytes(StandardCharsets.UTF_8));
    assertThat(raw.status()).isEqualTo(400);
    assertThat(raw.json().at("/code").asString()).isEqualTo("survey.unreadable");
  }

  @Test
  void aUtilityImportsOnlyForItsOwnOrganisation() throws IOException {
    Http heating = anonymous.as("heating");
    String[][] pts = points("RL", "热力");
    pts[0] = new String[] {"物探点号", "特征", "附属物", "X", "Y", "地面高程", "埋深", "管线类别",
        "权属单位"};
    pts[2][8] = "power";
    Http.Response r = SurveyFiles.raw(heating, IMPORT, null,
        SurveyFiles.workbook(pts, lines("RL", "RL3")));
    assertThat(r.status()).as(r.body()).isEqualTo(403);
    assertThat(r.json().at("/errors/0/code").asString()).isEqualTo("survey.owner_not_yours");
    assertThat(r.json().at("/errors/0/row").asInt()).isEqualTo(3);

    Http.Response param = SurveyFiles.raw(heating, IMPORT + "?owner=power", null,
        SurveyFiles.workbook(points("RL", "热力"), lines("RL", "RL3")));
    assertThat(param.status()).isEqualTo(403);
    assertThat(param.json().at("/code").asString()).isEqualTo("survey.owner_not_yours");
    assertThat(owned("pipe-points", "power")).isZero();
    assertThat(owned("pipe-points", "heating")).isZero();

    byte[] book = SurveyFiles.workbook(points("RL", "热力"), lines("RL", "RL3"));
    assertThat(SurveyFiles.raw(anonymous, IMPORT, null, book).status()).isEqualTo(401);
    assertThat(SurveyFiles.raw(anonymous.as("planner"), IMPORT, null, book).status())
        .isEqualTo(403);
    assertThat(SurveyFiles.raw(anonymous.as("roads"), IMPORT, null, book).status())
        .isEqualTo(403);

    // A utility edits only its own points: power may not change heating's.
    Http.Response ok = SurveyFiles.raw(heating, IMPORT, null, book);
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    long id = ok.json().at("/features/points/ids/0").asLong();
    assertThat(anonymous.as("power").delete("/api/pipe-points/" + id + "?version=1", null)
        .status()).isEqualTo(403);
  }

  @Test
  void anonymousUsersNeverSeeAPipePoint() throws IOException {
    Http.Response ok = SurveyFiles.raw(anonymous.as("power"), IMPORT, null,
        SurveyFiles.workbook(points("DL", "电力"), lines("DL", "DL3")));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    long id = ok.json().at("/features/points/ids/0").asLong();
    assertThat(anonymous.get("/api/pipe-points").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/pipe-points/" + id).status()).isEqualTo(401);
    assertThat(anonymous.get("/api/export/pipe-points").status()).isEqualTo(401);
    assertThat(anonymous.get("/ogcapi/collections/pipe-points/items").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/surveys/export?format=csv&table=points").status())
        .isEqualTo(401);
    assertThat(anonymous.get("/ogcapi/collections").body()).doesNotContain("pipe-points");
    Http planner = anonymous.as("planner");
    assertThat(planner.get("/api/pipe-points/" + id).status()).isEqualTo(200);
    assertThat(planner.get("/ogcapi/collections/pipe-points/items").body()).contains("DL1");
  }

  @Test
  void aZipBombAndAnOversizeBodyAreRefused() throws IOException {
    Http power = anonymous.as("power");
    byte[] bomb = SurveyFiles.bomb(SurveyFiles.workbook(points("ZB", "电力"),
        lines("ZB", "ZB3")));
    Http.Response r = SurveyFiles.raw(power, IMPORT, null, bomb);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/code").asString()).isEqualTo("limit.zip_bytes");
    String auth = Base64.getEncoder().encodeToString("power:demo".getBytes());
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(30_000);
      s.getOutputStream().write(("POST " + IMPORT + " HTTP/1.1\r\nHost: x\r\nAuthorization: Basic "
          + auth + "\r\nContent-Length: 40000000\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      String head = new String(s.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
      assertThat(head).startsWith("HTTP/1.1 413").contains("limit.body_size");
    }
    assertThat(owned("pipe-points", "power")).isLessThanOrEqualTo(3);
    assertThat(pointNumbers("power")).doesNotContain("ZB1");
  }

  @Test
  void anExportImportsBackToTheSameTables() throws IOException {
    String[][] pts = points("TX", "通信");
    pts[0][8] = "权属单位";
    for (int i = 1; i < pts.length; i++) {
      pts[i][8] = "telecom";
    }
    Http.Response first = SurveyFiles.raw(admin, IMPORT, null,
        SurveyFiles.workbook(pts, lines("TX", "TX3")));
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    byte[] exported = export("xlsx", "");
    SurveyTable[] before = SurveyTableReader.workbook(new ByteArrayInputStream(exported));
    assertThat(before[0].headers()).containsExactly("物探点号", "特征", "附属物", "X", "Y",
        "地面高程", "埋深", "管线类别", "权属单位");
    assertThat(before[0].rows()).hasSize(3);
    assertThat(before[0].rows().get(0)).containsExactly("TX1", "三通", "valve", "3909500.1",
        "486300.2", "72.35", "1.2", "telecom", "telecom");
    assertThat(before[1].rows()).hasSize(2);
    // The CSV export says the same as the workbook.
    SurveyTable csvPoints = SurveyTableReader.read(new ByteArrayInputStream(
        export("csv", "&table=points")), "csv");
    SurveyTable csvLines = SurveyTableReader.read(new ByteArrayInputStream(
        export("csv", "&table=lines")), "csv");
    assertThat(csvPoints.rows()).isEqualTo(before[0].rows());
    assertThat(csvLines.rows()).isEqualTo(before[1].rows());

    for (String layer : List.of("pipelines", "pipe-points")) {
      String part = layer.equals("pipelines") ? "lines" : "points";
      for (JsonNode id : first.json().at("/features/" + part + "/ids")) {
        assertThat(admin.delete("/api/" + layer + "/" + id.asLong() + "?version=1", null)
            .status()).isEqualTo(204);
      }
    }
    assertThat(owned("pipe-points", "telecom")).isZero();
    Http.Response second = SurveyFiles.raw(admin, IMPORT, null, exported);
    assertThat(second.status()).as(second.body()).isEqualTo(200);
    SurveyTable[] after = SurveyTableReader.workbook(new ByteArrayInputStream(
        export("xlsx", "")));
    assertThat(after[0].headers()).isEqualTo(before[0].headers());
    assertThat(after[0].rows()).isEqualTo(before[0].rows());
    assertThat(after[1].headers()).isEqualTo(before[1].headers());
    assertThat(after[1].rows()).isEqualTo(before[1].rows());
  }

  private byte[] export(String format, String more) {
    HttpResponse<byte[]> r = admin.sendBytes(admin.builder(
        "/api/surveys/export?owner=telecom&format=" + format + more).GET());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  /** How many features of {@code layer} belong to {@code owner}. */
  long owned(String layer, String owner) {
    Http.Response r = admin.get("/api/" + layer + "?limit=10000");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    long n = 0;
    for (JsonNode f : r.json().get("features")) {
      n += owner.equals(f.at("/properties/owner").asString()) ? 1 : 0;
    }
    return n;
  }

  List<String> pointNumbers(String owner) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : admin.get("/api/pipe-points?limit=10000").json().get("features")) {
      if (owner.equals(f.at("/properties/owner").asString())) {
        out.add(f.at("/properties/point_no").asString());
      }
    }
    return out;
  }

}
