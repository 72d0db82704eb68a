package org.jointworks.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointworks.support.Fixtures.collection;
import static org.jointworks.support.Fixtures.community;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jointworks.support.ExternalTools;
import org.jointworks.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The map's import through HTTP: uploads whatever their Content-Type (told by their first
 * bytes), the one preview/import door for every format, a Shapefile written by ogr2ogr with its
 * column names cut at 10 characters mapped automatically, and per-feature errors with codes
 * before anything is stored. Run on both stores ({@link UploadsH2gisTest},
 * {@link UploadsPostgisTest}).
 */
public abstract class UploadsContract {
  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  Http anonymous;

  @BeforeEach
  void clients() {
    anonymous = Http.anonymous(port);
  }

  static Http.Response post(Http http, String path, byte[] body, String contentType) {
    HttpRequest.Builder b = http.builder(path);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return http.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  @Test
  void aShapefileZipIsReadWhateverItsContentType() throws Exception {
    byte[] zip = FilesH2gisTest.shapefile(false);
    String q = "?layer=pipelines&mapping="
        + URLEncoder.encode(FilesH2gisTest.MAPPING, StandardCharsets.UTF_8);
    Http gas = anonymous.as("gas");
    // curl --data-binary's default type, a browser's empty one, a wrong one: all the same zip.
    for (String type : new String[] {"application/x-www-form-urlencoded", null, "text/plain",
        "application/json", "application/zip"}) {
      Http.Response r = post(gas, "/api/files/shapefile/preview" + q, zip, type);
      assertThat(r.status()).as(type + ": " + r.body()).isEqualTo(200);
      assertThat(r.json().at("/rows").asInt()).isEqualTo(1);
      Http.Response any = post(gas, "/api/files/preview" + q, zip, type);
      assertThat(any.status()).as(type + ": " + any.body()).isEqualTo(200);
      assertThat(any.json().at("/format").asString()).isEqualTo("shapefile");
      assertThat(any.json().at("/encoding").asString()).isEqualTo("GBK");
      assertThat(any.json().at("/sourceCrs").asString()).isEqualTo("EPSG:4547");
      assertThat(any.json().at("/mapping/材质").asString()).isEqualTo("material");
    }
    long before = count("pipelines");
    Http.Response done = post(gas, "/api/files/import" + q, zip,
        "application/x-www-form-urlencoded");
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.json().at("/imported").asInt()).isEqualTo(1);
    assertThat(count("pipelines")).isEqualTo(before + 1);
  }

  @Test
  void aFileOfAnotherFormatOrAFormIsRefusedWithItsCodeNot500() throws Exception {
    Http planner = anonymous.as("planner");
    byte[] gpkg = new byte[100];
    System.arraycopy("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII), 0, gpkg, 0, 16);
    Http.Response r = post(planner, "/api/files/shapefile?layer=communities", gpkg, null);
    assertThat(r.status()).as(r.body()).isEqualTo(415);
    assertThat(r.json().at("/code").asString()).isEqualTo("upload.format");
    String form = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.zip\"\r\n"
        + "\r\nPK\r\n--XyZ--\r\n";
    Http.Response m = post(planner, "/api/files/preview?layer=communities",
        form.getBytes(StandardCharsets.US_ASCII), "multipart/form-data; boundary=XyZ");
    assertThat(m.status()).as(m.body()).isEqualTo(415);
    assertThat(m.json().at("/code").asString()).isEqualTo("upload.multipart");
    // GeoJSON sent as text/plain reaches the GeoJSON import too.
    Http.Response g = post(planner, "/api/import/communities", collection(community("文本社区",
        "weibin", 113.85, 35.30, 0.002, 10)).getBytes(StandardCharsets.UTF_8), "text/plain");
    assertThat(g.status()).as(g.body()).isEqualTo(200);
  }

  @Test
  void previewAndImportNeedAnImportingRole() {
    byte[] body = collection(community("甲", "weibin", 113.85, 35.30, 0.002, 10))
        .getBytes(StandardCharsets.UTF_8);
    for (String path : List.of("/api/files/preview", "/api/files/import")) {
      assertThat(post(anonymous, path + "?layer=communities", body, null).status())
          .isEqualTo(401);
      assertThat(post(anonymous.as("leader"), path + "?layer=communities", body, null).status())
          .isEqualTo(403);
    }
    assertThat(post(anonymous.as("planner"), "/api/files/preview?layer=communities", body, null)
        .status()).isEqualTo(200);
  }

  @Test
  void aBadGeoJsonListsEachFeaturesErrorsWithCodesAndStoresNothing() {
    String good = community("好社区", "weibin", 113.85, 35.30, 0.002, 10);
    String unknownDistrict = community("坏社区", "nowhere", 113.86, 35.30, 0.002, 10);
    String negative = community("负社区", "weibin", 113.87, 35.30, 0.002, -5);
    byte[] body = collection(good, unknownDistrict, negative).getBytes(StandardCharsets.UTF_8);
    Http planner = anonymous.as("planner");
    long before = count("communities");
    Http.Response p = post(planner, "/api/files/preview?layer=communities", body, null);
    assertThat(p.status()).as(p.body()).isEqualTo(200);
    JsonNode preview = p.json();
    assertThat(preview.at("/format").asString()).isEqualTo("geojson");
    assertThat(preview.at("/rows").asInt()).isEqualTo(3);
    assertThat(preview.at("/badRows").asInt()).isEqualTo(2);
    assertThat(preview.at("/problems/0/index").asInt()).isEqualTo(1);
    assertThat(preview.at("/problems/0/errors/0/field").asString()).isEqualTo("district");
    assertThat(preview.at("/problems/0/errors/0/code").asString()).isEqualTo("unknown_district");
    assertThat(preview.at("/problems/1/index").asInt()).isEqualTo(2);
    assertThat(preview.at("/problems/1/errors/0/code").asString()).isEqualTo("range");
    Http.Response imported = post(planner, "/api/files/import?layer=communities", body, null);
    assertThat(imported.status()).as(imported.body()).isEqualTo(422);
    assertThat(count("communities")).isEqualTo(before);
  }

  @Test
  void aGeoJsonWithOtherPropertyNamesIsImportedThroughAnExplicitMapping() {
    String f = community("映射社区", "weibin", 113.85, 35.30, 0.002, 10)
        .replace("\"name\"", "\"小区名称\"");
    byte[] body = collection(f).getBytes(StandardCharsets.UTF_8);
    Http planner = anonymous.as("planner");
    JsonNode p = post(planner, "/api/files/preview?layer=communities", body, null).json();
    assertThat(p.at("/unmappedColumns").toString()).contains("小区名称");
    assertThat(p.at("/fields").toString()).contains("\"name\"");
    String q = "?layer=communities&mapping="
        + URLEncoder.encode("{\"小区名称\":\"name\"}", StandardCharsets.UTF_8);
    Http.Response r = post(planner, "/api/files/import" + q, body, null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM communities WHERE name = '映射社区'",
        Long.class)).isEqualTo(1);
  }

  @Test
  void aCsvInGbkWithLonLatColumnsIsDetected() {
    String csv = "名称,kind,经度,纬度\n东门诊所,clinic,113.9,35.31\n";
    Http.Response p = post(anonymous.as("planner"), "/api/files/preview?layer=facilities"
        + "&mapping=" + URLEncoder.encode("{\"名称\":\"name\"}", StandardCharsets.UTF_8),
        csv.getBytes(java.nio.charset.Charset.forName("GBK")), null);
    assertThat(p.status()).as(p.body()).isEqualTo(200);
    assertThat(p.json().at("/format").asString()).isEqualTo("csv");
    assertThat(p.json().at("/encoding").asString()).isEqualTo("GBK");
    assertThat(p.json().at("/geometryColumns").toString()).contains("经度", "纬度");
    assertThat(p.json().at("/first/0/properties/name").asString()).isEqualTo("东门诊所");
  }

  /** What ogr2ogr writes for floor_area_m2 and build_year: floor_area, build_year (10 chars). */
  @Test
  void aShapefileWrittenByOgr2ogrIsMappedAutomatically() throws Exception {
    ExternalTools.assume(ExternalTools.OGR2OGR);
    byte[] zip = ogrShapefile(collection(community("奥格社区", "weibin", 113.85, 35.30, 0.002, 77)));
    Http planner = anonymous.as("planner");
    Http.Response p = post(planner, "/api/files/preview?layer=communities", zip, null);
    assertThat(p.status()).as(p.body()).isEqualTo(200);
    JsonNode preview = p.json();
    assertThat(preview.at("/columns").toString()).contains("floor_area");
    assertThat(preview.at("/mapping/floor_area").asString()).isEqualTo("floor_area_m2");
    assertThat(preview.at("/automatic").toString()).contains("floor_area");
    assertThat(preview.at("/badRows").asInt()).as(p.body()).isZero();
    assertThat(preview.at("/encoding").asString()).isEqualTo("UTF-8");
    Http.Response r = post(planner, "/api/files/import?layer=communities", zip, null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(jdbc.queryForObject("SELECT floor_area_m2 FROM communities WHERE name = '奥格社区'",
        Double.class)).isEqualTo(12000.5);
  }

  public static byte[] ogrShapefile(String geojson) throws Exception {
    Path dir = Files.createTempDirectory("ogr");
    Path in = dir.resolve("in.geojson");
    Files.writeString(in, geojson);
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Process proc = new ProcessBuilder(ExternalTools.OGR2OGR.path(), "-f", "ESRI Shapefile",
        "-lco", "ENCODING=UTF-8", out.resolve("communities.shp").toString(), in.toString())
        .redirectErrorStream(true).start();
    String said = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(proc.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(proc.exitValue()).as("ogr2ogr said: %s", said).isZero();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<Path> parts = new ArrayList<>();
    try (var s = Files.list(out)) {
      s.forEach(parts::add);
    }
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      for (Path part : parts) {
        z.putNextEntry(new ZipEntry(part.getFileName().toString()));
        z.write(Files.readAllBytes(part));
        z.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** Polls an import job until it ends. */
  private static JsonNode finished(Http http, String location) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      Http.Response r = http.get(location);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      String state = r.json().get("state").asString();
      if (state.equals("succeeded") || state.equals("failed")) {
        return r.json();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the job did not end: " + location);
  }

  @Test
  void theMapsImportRunsAsAJobOnAskingAndAFailedJobStoresNothing() throws Exception {
    byte[] zip = FilesH2gisTest.shapefile(false);
    String q = "?async=true&layer=pipelines&mapping="
        + URLEncoder.encode(FilesH2gisTest.MAPPING, StandardCharsets.UTF_8);
    Http gas = anonymous.as("gas");
    long before = count("pipelines");
    Http.Response started = post(gas, "/api/files/import" + q, zip, null);
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    String location = started.header("Location");
    assertThat(location).isEqualTo("/api/imports/jobs/" + started.json().at("/job/id").asString());
    assertThat(started.json().at("/format").asString()).isEqualTo("shapefile");
    assertThat(started.json().at("/job/layer").asString()).isEqualTo("pipelines");
    JsonNode job = finished(gas, location);
    assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
    assertThat(job.get("imported").asInt()).isEqualTo(1);
    assertThat(job.get("percent").asInt()).isEqualTo(100);
    assertThat(count("pipelines")).isEqualTo(before + 1);
    // Another user may not read it; a planner may not start a job on pipelines (nothing queued).
    assertThat(anonymous.as("water_supply").get(location).status()).isEqualTo(403);
    Http planner = anonymous.as("planner");
    Http.Response refused = post(planner, "/api/files/import" + q, zip, null);
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(count("pipelines")).isEqualTo(before + 1);

    // A feature the import refuses: the job fails with the feature listed, nothing stored.
    long communities = count("communities");
    byte[] bad = collection(community("作业甲", "weibin", 113.85, 35.31, 0.002, 40),
        community("作业乙", "weibin", 113.86, 35.31, 0.002, -3)).getBytes(StandardCharsets.UTF_8);
    Http.Response r = post(planner, "/api/files/import?async=true&layer=communities", bad,
        "text/plain");
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    JsonNode failed = finished(planner, r.header("Location"));
    assertThat(failed.get("state").asString()).as(failed.toString()).isEqualTo("failed");
    assertThat(failed.at("/error/status").asInt()).isEqualTo(422);
    assertThat(failed.at("/error/errors/0/index").asInt()).isEqualTo(1);
    // The same code as the preview gives for the same check, with its field.
    assertThat(failed.at("/error/errors/0/errors/0/code").asString()).isEqualTo("range");
    assertThat(failed.at("/error/errors/0/errors/0/args/field").asString()).isEqualTo("households");
    assertThat(count("communities")).isEqualTo(communities);
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }
}
