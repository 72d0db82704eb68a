package org.jointworks.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jointworks.support.Fixtures;
import org.jointworks.support.Http;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Each hostile input of issue 11 through HTTP, with the code that names its limit or rule, and
 * nothing stored. The fuzz suite ({@code org.jointworks.fuzz}) generalises these.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Its context is its own: closed after the class, so it holds no memory or connections.
@DirtiesContext
class InputLimitsTest {
  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  Http admin;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
    // A small limit for other bodies, so that a chunked body passes it in a test.
    registry.add("jointworks.limits.body-bytes", () -> "65536");
  }

  @BeforeEach
  void client() {
    admin = Http.anonymous(port).as("admin");
  }

  private long communities() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM communities", Long.class);
  }

  private static void refused(Http.Response r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.json().path("code").asString()).as(r.body()).isEqualTo(code);
    assertThat(r.body()).doesNotContain("/tmp", "Exception", "org.", "java.");
  }

  @Test
  void aShapefileClaimingTwoToTheThirtyPointsIsRefusedBeforeAnyReaderAllocates() {
    Map<String, byte[]> parts = shapefile();
    ByteBuffer.wrap(parts.get("shp")).order(ByteOrder.LITTLE_ENDIAN).putInt(148, 1 << 30);
    Http.Response r = upload("/api/files/shapefile?layer=communities", zip(parts));
    refused(r, 400, "file.shapefile");
    assertThat(r.json().at("/args/feature").asInt()).isZero();
    assertThat(r.json().at("/detail").asString()).contains("feature 0");
  }

  @Test
  void aShapefileWithMoreRowsThanShapesOrAnUnclosedRingIsRefusedNamingIt() {
    Map<String, byte[]> rows = shapefile();
    ByteBuffer.wrap(rows.get("dbf")).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 2);
    Http.Response r = upload("/api/files/shapefile?layer=communities", zip(rows));
    refused(r, 400, "file.shapefile");
    Map<String, byte[]> ring = shapefile();
    ByteBuffer.wrap(ring.get("shp")).order(ByteOrder.LITTLE_ENDIAN).putDouble(220, 113.9);
    r = upload("/api/files/shapefile?layer=communities", zip(ring));
    refused(r, 400, "file.shapefile_ring");
    assertThat(r.json().at("/args/feature").asInt()).isZero();
  }

  @Test
  void aZipBombIsRefusedWithoutUnpackingIt() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("bomb.shp"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 400; i++) {
        z.write(zeros);
      }
      z.closeEntry();
    }
    long started = System.nanoTime();
    Http.Response r = upload("/api/files/shapefile/preview?layer=communities",
        out.toByteArray());
    refused(r, 400, "limit.zip_ratio");
    assertThat(r.json().at("/args/limit").asInt()).isEqualTo(100);
    assertThat((System.nanoTime() - started) / 1e9).as("refused early").isLessThan(20);
  }

  @Test
  void aMillionVertexCommunityIsRefusedByTheVertexLimit() {
    String feature = "{\"type\":\"Feature\",\"geometry\":" + circle(1_000_000)
        + ",\"properties\":{\"name\":\"巨\",\"district\":\"weibin\",\"households\":1,"
        + "\"buildings\":1,\"floor_area_m2\":10}}";
    long before = communities();
    Http.Response r = admin.post("/api/import/communities", Fixtures.collection(feature));
    refused(r, 400, "limit.vertices");
    assertThat(r.json().at("/args/limit").asInt()).isEqualTo(100_000);
    assertThat(communities()).isEqualTo(before);
  }

  @Test
  void numbersNoFieldCanHoldAndDatesThatAreNotIsoStringsAreRefused() {
    long before = communities();
    String huge = Fixtures.community("大", "weibin", 113.8, 35.3, 0.002, 1)
        .replace("\"households\":1", "\"households\":1e308");
    Http.Response r = admin.post("/api/communities", huge);
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.body()).contains("households");
    refused(admin.post("/api/import/communities", Fixtures.collection(huge)), 422,
        "validation.failed");
    String dated = Fixtures.work("gas", 113.8, 35.3, "2023-05-01", "2023-05-30")
        .replace("\"2023-05-01\"", "{\"y\":2023}");
    assertThat(admin.post("/api/works", dated).status()).isEqualTo(422);
    refused(admin.post("/api/import/works", Fixtures.collection(dated)), 422,
        "validation.failed");
    refused(admin.post("/api/reports", "{\"district\":\"weibin\",\"period\":\"2023-05\","
        + "\"submittedOn\":[2023,6,5],\"investmentYuan\":1}"), 400, "request.json");
    assertThat(communities()).isEqualTo(before);
  }

  @Test
  void fiveThousandNestedArraysAreRefusedByTheDepthLimit() {
    String deep = "{\"type\":\"FeatureCollection\",\"features\":[" + "[".repeat(5000)
        + "]".repeat(5000) + "]}";
    Http.Response r = admin.post("/api/import/communities", deep);
    refused(r, 400, "limit.json_depth");
    assertThat(r.json().at("/args/limit").asInt()).isEqualTo(64);
    // 100 levels: within Jackson's own default (500), beyond ours (64), so ours is in force.
    refused(admin.post("/api/communities", "{\"a\":" + "[".repeat(100) + "]".repeat(100)
        + "}"), 400, "limit.json_depth");
  }

  @Test
  void aBboxOutsideLonLatOrNotANumberIsRefused() {
    for (String q : new String[] {"NaN,NaN,NaN,NaN", "113,35,114,91", "113,35,114,100",
        "-181,0,0,1"}) {
      refused(admin.get("/api/communities?bbox=" + q), 400, "request.bbox");
      refused(admin.get("/api/public/works?bbox=" + q), 400, "request.bbox");
    }
    refused(admin.get("/ogcapi/collections/communities/items?bbox=113,35,114,91"), 400,
        "request.bbox");
  }

  @Test
  void aBadPercentEncodingInTheQueryIsA400Problem() throws IOException {
    for (String q : new String[] {"q=%zz", "q=%E4%B8", "q=%", "bbox=1%2"}) {
      String[] r = rawGet("/api/communities?" + q);
      assertThat(r[0]).as(q).isEqualTo("400");
      assertThat(r[1]).startsWith("application/problem+json");
      assertThat(r[2]).contains("\"code\":\"request.query_encoding\"");
    }
  }

  @Test
  void aLongCsvLineIsRefusedAsSoonAsItPassesTheLimit() {
    String csv = "wkt,name\n" + "x".repeat(9 * 1024 * 1024);
    Http.Response r = admin.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/api/files/csv?layer=communities&wkt=wkt"))
        .header("Authorization", ADMIN)
        .header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString(csv)));
    refused(r, 400, "limit.csv_line");
  }

  @Test
  void aBodyOverTheLimitIsRefusedFromContentLengthAndWhileCounting() throws IOException {
    String auth = Base64.getEncoder().encodeToString("admin:demo".getBytes());
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(30_000);
      s.getOutputStream().write(("POST /api/files/geopackage HTTP/1.1\r\nHost: x\r\n"
          + "Authorization: Basic " + auth + "\r\nContent-Length: 300000000\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      String head = new String(s.getInputStream().readNBytes(16_384), StandardCharsets.UTF_8);
      assertThat(head).startsWith("HTTP/1.1 413").contains("limit.body_size");
    }
    // Chunked (no Content-Length): counted while read, refused past body-bytes.
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST /api/communities HTTP/1.1\r\nHost: x\r\nAuthorization: Basic " + auth
          + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      byte[] chunk = ("8000\r\n" + " ".repeat(0x8000) + "\r\n").getBytes(
          StandardCharsets.ISO_8859_1);
      for (int i = 0; i < 3; i++) {
        out.write(chunk);
      }
      out.flush();
      String head = new String(s.getInputStream().readNBytes(16_384), StandardCharsets.UTF_8);
      assertThat(head).startsWith("HTTP/1.1 413").contains("limit.body_size");
    }
  }

  @Test
  void aDamagedGeoPackageOrAnUnknownPrjNamesNoServerPath() {
    byte[] fake = new byte[4096];
    System.arraycopy("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII), 0, fake, 0, 16);
    refused(upload("/api/files/geopackage", fake), 400, "file.geopackage");
    Map<String, byte[]> parts = shapefile();
    parts.put("prj", "PROJCS[\"Somewhere\"]".getBytes(StandardCharsets.US_ASCII));
    Http.Response r = upload("/api/files/shapefile?layer=communities", zip(parts));
    refused(r, 400, "file.crs_unknown");
  }

  // ---- fixtures

  private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
      "admin:demo".getBytes(StandardCharsets.UTF_8));

  private Http.Response upload(String path, byte[] body) {
    return admin.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", ADMIN)
        .header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private String[] rawGet(String target) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      OutputStream out = s.getOutputStream();
      out.write(("GET " + target + " HTTP/1.0\r\nHost: x\r\n\r\n").getBytes(
          StandardCharsets.ISO_8859_1));
      String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String head = all.substring(0, all.indexOf("\r\n\r\n"));
      String type = head.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
          .map(l -> l.substring(13).trim()).findFirst().orElse("");
      return new String[] {head.split(" ")[1], type, all.substring(all.indexOf("\r\n\r\n") + 4)};
    }
  }

  static String circle(int n) {
    StringBuilder b = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
    for (int i = 0; i < n; i++) {
      double a = i == n - 1 ? 0 : 2 * Math.PI * i / (n - 1);
      b.append(i == 0 ? "" : ",").append('[').append(113.85 + 0.01 * Math.cos(a)).append(',')
          .append(35.3 + 0.01 * Math.sin(a)).append(']');
    }
    return b.append("]]}").toString();
  }

  /** One square community in EPSG:4490: .shp, .shx, .dbf, .prj. */
  static Map<String, byte[]> shapefile() {
    int record = 128;
    ByteBuffer shp = ByteBuffer.allocate(100 + 8 + record);
    ByteBuffer shx = ByteBuffer.allocate(108);
    for (ByteBuffer h : new ByteBuffer[] {shp, shx}) {
      h.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, h.capacity() / 2);
      h.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, 5);
    }
    shp.position(100);
    shp.order(ByteOrder.BIG_ENDIAN).putInt(1).putInt(record / 2);
    shp.order(ByteOrder.LITTLE_ENDIAN).putInt(5).putDouble(113.8).putDouble(35.3)
        .putDouble(113.802).putDouble(35.302).putInt(1).putInt(5).putInt(0);
    double[][] ring = {{113.8, 35.3}, {113.8, 35.302}, {113.802, 35.302}, {113.802, 35.3},
        {113.8, 35.3}};
    for (double[] p : ring) {
      shp.putDouble(p[0]).putDouble(p[1]);
    }
    shx.position(100);
    shx.order(ByteOrder.BIG_ENDIAN).putInt(50).putInt(record / 2);
    ByteBuffer dbf = ByteBuffer.allocate(32 + 32 + 1 + 11 + 1).order(ByteOrder.LITTLE_ENDIAN);
    dbf.put((byte) 3).put(new byte[3]).putInt(1).putShort((short) 65).putShort((short) 11);
    dbf.position(32);
    dbf.put(java.util.Arrays.copyOf("NAME".getBytes(StandardCharsets.US_ASCII), 11))
        .put((byte) 'C').putInt(0).put((byte) 10).put(new byte[15]);
    dbf.put((byte) 0x0D).put((byte) ' ').put("Fuzz      ".getBytes(StandardCharsets.US_ASCII))
        .put((byte) 0x1A);
    return new java.util.LinkedHashMap<>(Map.of("shp", shp.array(), "shx", shx.array(), "dbf",
        dbf.array(), "prj", ("GEOGCS[\"China Geodetic Coordinate System 2000\","
            + "DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101]]]")
            .getBytes(StandardCharsets.US_ASCII)));
  }

  static byte[] zip(Map<String, byte[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : parts.entrySet()) {
        z.putNextEntry(new ZipEntry("t." + e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Test
  void aSpentParseBudgetRefusesTheNextRead() {
    ParseBudget.start(System.nanoTime() - 1);
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(ParseBudget::check)
          .isInstanceOfSatisfying(org.jointworks.system.ApiException.class,
              e -> assertThat(e.code()).isEqualTo("limit.parse_time"));
    } finally {
      ParseBudget.end();
    }
    ParseBudget.check(); // no budget on this thread: nothing to refuse
  }

  @Test
  void theQueryEncodingCheckFindsEveryBrokenEscape() {
    assertThat(QueryStringFilter.badEscape("a=%41%42&b=%E4%B8%AD")).isEqualTo(-1);
    assertThat(QueryStringFilter.badEscape("a=%4")).isEqualTo(2);
    assertThat(QueryStringFilter.badEscape("a=%E4%B8&b=1")).isEqualTo(2);
    assertThat(QueryStringFilter.badEscape("a=%C3%28")).isEqualTo(2);
  }
}
