package org.jointworks.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.jointworks.support.Fixtures.collection;
import static org.jointworks.support.Fixtures.community;
import static org.jointworks.support.Fixtures.pipeline;
import static org.jointworks.support.Fixtures.work;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.h2gis.functions.io.dbf.internal.DbaseFileHeader;
import org.h2gis.functions.io.dbf.internal.DbaseFileWriter;
import org.h2gis.functions.io.shp.internal.ShapeType;
import org.h2gis.functions.io.shp.internal.ShapefileWriter;
import org.jointworks.geo.Crs;
import org.jointworks.support.Http;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Shapefile, GeoPackage and CSV import/export through HTTP on H2GIS. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FilesH2gisTest {
  static final String MAPPING = "{\"类型\":\"utility\",\"权属单位\":\"owner\",\"材质\":\"material\","
      + "\"管径\":\"diameter_mm\"}";
  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  Http anonymous;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
  }

  @BeforeEach
  void clients() {
    anonymous = Http.anonymous(port);
  }

  @Test
  void importsAGbkShapefileInGaussKrugerWithChineseColumns() throws Exception {
    byte[] zip = shapefile(true);
    String q = "?layer=pipelines&mapping=" + URLEncoder.encode(MAPPING, StandardCharsets.UTF_8);
    Http gas = anonymous.as("gas");
    long pipelines = jdbc.queryForObject("SELECT COUNT(*) FROM pipelines", Long.class);
    assertThat(post(anonymous, "/api/files/shapefile/preview" + q, zip).status()).isEqualTo(401);
    assertThat(post(anonymous.as("leader"), "/api/files/shapefile" + q, zip).status())
        .isEqualTo(403);
    Http.Response pr = post(gas, "/api/files/shapefile/preview" + q, zip);
    assertThat(pr.status()).as(pr.body()).isEqualTo(200);
    JsonNode preview = pr.json();
    assertThat(preview.at("/encoding").asString()).isEqualTo("GBK");
    assertThat(preview.at("/encodingSource").asString()).isEqualTo(".cpg");
    assertThat(preview.at("/sourceCrs").asString()).isEqualTo("EPSG:4547");
    assertThat(preview.at("/columns").toString()).contains("类型", "权属单位", "材质", "管径");
    assertThat(preview.at("/rows").asInt()).isEqualTo(2);
    assertThat(preview.at("/first/0/properties/material").asString()).isEqualTo("铸铁");
    assertThat(preview.at("/badRows").asInt()).isEqualTo(1);
    assertThat(preview.at("/problems/0/index").asInt()).isEqualTo(1);
    assertThat(preview.at("/problems/0/problems").toString()).contains("utility");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pipelines", Long.class))
        .isEqualTo(pipelines);

    assertThat(post(gas, "/api/files/shapefile" + q, zip).status()).as("all or nothing")
        .isEqualTo(422);
    byte[] good = shapefile(false);
    JsonNode done = post(gas, "/api/files/shapefile" + q, good).json();
    assertThat(done.at("/imported").asInt()).isEqualTo(1);
    JsonNode f = gas.get("/ogcapi/collections/pipelines/items/" + done.at("/ids/0").asLong())
        .json();
    assertThat(f.at("/properties/material").asString()).isEqualTo("铸铁");
    assertThat(f.at("/properties/diameter_mm").asDouble()).isEqualTo(200.0);
    assertThat(f.at("/geometry/coordinates/0/0/0").asDouble()).isCloseTo(113.85, within(1e-7));
    assertThat(f.at("/geometry/coordinates/0/0/1").asDouble()).isCloseTo(35.30, within(1e-7));
  }

  @Test
  void takesTheEncodingFromTheDbfLanguageDriverWithoutCpg() throws Exception {
    byte[] zip = shapefileWithoutCpg();
    JsonNode preview = post(anonymous.as("gas"), "/api/files/shapefile/preview?layer=pipelines"
        + "&mapping=" + URLEncoder.encode(MAPPING, StandardCharsets.UTF_8), zip).json();
    assertThat(preview.at("/encoding").asString()).isEqualTo("GBK");
    assertThat(preview.at("/encodingSource").asString()).contains("language driver");
    assertThat(preview.at("/first/0/properties/material").asString()).isEqualTo("铸铁");
  }

  @Test
  void aGeoPackageExportImportsBackUnchanged() throws IOException {
    Http admin = anonymous.as("admin");
    assertThat(admin.post("/api/import/communities", collection(
        community("社区甲", "weibin", 113.85, 35.30, 0.002, 100),
        community("社区乙", "hongqi", 113.95, 35.28, 0.002, 60))).status()).isEqualTo(200);
    assertThat(admin.post("/api/import/works", collection(
        work("gas", 113.86, 35.301, "2023-03-01", "2023-04-30"))).status()).isEqualTo(200);
    assertThat(admin.post("/api/import/pipelines", collection(pipeline("power", 113.86, 35.302)))
        .status()).isEqualTo(200);
    List<String> before = snapshot(admin);
    assertThat(anonymous.sendBytes(anonymous.builder("/api/files/geopackage").GET()).statusCode())
        .isEqualTo(401);
    byte[] gpkg = admin.sendBytes(admin.builder("/api/files/geopackage").GET()).body();
    assertThat(new String(gpkg, 0, 15, StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3");
    for (String t : List.of("communities", "works", "pipelines", "facilities", "streets")) {
      jdbc.update("DELETE FROM " + t);
    }
    Http.Response r = post(admin, "/api/files/geopackage", gpkg);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().at("/imported/communities").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(snapshot(admin)).isEqualTo(before);
  }

  @Test
  void importsAndExportsCsvWithWktOrLonLat() {
    Http planner = anonymous.as("planner");
    String csv = "名称,kind,lon,lat\n东门诊所,clinic,113.9,35.31\n";
    Http.Response r = planner.send(planner.builder("/api/files/csv?layer=facilities&lon=lon&lat=lat"
        + "&mapping=" + URLEncoder.encode("{\"名称\":\"name\"}", StandardCharsets.UTF_8))
        .header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    String wkt = "name,district,households,buildings,floor_area_m2,WKT\n"
        + "C,weibin,5,1,100.5,\"POLYGON ((113.8 35.2, 113.801 35.2, 113.801 35.201, 113.8 35.2))\"\n";
    Http.Response w = planner.send(planner.builder("/api/files/csv?layer=communities&wkt=WKT")
        .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(wkt)));
    assertThat(w.status()).as(w.body()).isEqualTo(200);
    assertThat(anonymous.get("/api/files/csv/facilities").status()).isEqualTo(401);
    String out = planner.get("/api/files/csv/facilities").body();
    assertThat(out).contains("东门诊所", "POINT (113.9 35.31)");
    assertThat(anonymous.get("/api/files/csv/communities").status()).isEqualTo(200);
  }

  /** Every feature of the data layers as GeoJSON text without ids, sorted. */
  List<String> snapshot(Http admin) {
    List<String> out = new ArrayList<>();
    for (String t : List.of("communities", "works", "pipelines", "districts")) {
      admin.get("/ogcapi/collections/" + t + "/items?limit=10000").json().at("/features")
          .forEach(f -> out.add(t + f.at("/geometry") + f.at("/properties")));
    }
    out.sort(String::compareTo);
    return out;
  }

  static Http.Response post(Http http, String path, byte[] body) {
    return http.send(http.builder(path).header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** Two pipelines in EPSG:4547 (the second with an unknown utility), GBK, Chinese columns. */
  static byte[] shapefile(boolean withBadRow) throws Exception {
    return zip(write(withBadRow), true);
  }

  static byte[] shapefileWithoutCpg() throws Exception {
    Path dir = write(false);
    // The DBF's language driver byte: 0x4D is code page 936 (GBK).
    try (FileChannel ch = FileChannel.open(dir.resolve("p.dbf"), StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[] {0x4D}), 29);
    }
    return zip(dir, false);
  }

  static Path write(boolean withBadRow) throws Exception {
    Path dir = Files.createTempDirectory("shp");
    GeometryFactory f = new GeometryFactory();
    double[] a = Crs.transform(4490, 4547, 113.85, 35.30);
    double[] b = Crs.transform(4490, 4547, 113.853, 35.30);
    LineString line = f.createLineString(new Coordinate[] {new Coordinate(a[0], a[1]),
        new Coordinate(b[0], b[1])});
    try (FileChannel shp = open(dir.resolve("p.shp")); FileChannel shx = open(dir.resolve("p.shx"))) {
      ShapefileWriter w = new ShapefileWriter(shp, shx);
      w.writeHeaders(ShapeType.ARC);
      int n = withBadRow ? 2 : 1;
      for (int i = 0; i < n; i++) {
        w.writeGeometry(f.createMultiLineString(new LineString[] {line}));
      }
      w.writeHeaders(ShapeType.ARC); // again, now with the record count and bounds
      w.close();
    }
    DbaseFileHeader h = new DbaseFileHeader();
    h.setEncoding("GBK");
    h.addColumn("类型", 'C', 20, 0);
    h.addColumn("权属单位", 'C', 20, 0);
    h.addColumn("材质", 'C', 20, 0);
    h.addColumn("管径", 'N', 10, 0);
    h.setNumRecords(withBadRow ? 2 : 1);
    try (FileChannel dbf = open(dir.resolve("p.dbf"))) {
      DbaseFileWriter w = new DbaseFileWriter(h, dbf, Charset.forName("GBK"));
      w.write(new Object[] {"gas", "gas", "铸铁", 200});
      if (withBadRow) {
        w.write(new Object[] {"煤气", "gas", "钢", 100});
      }
      w.close();
    }
    // The writer stores field names as ASCII; write them in GBK as ArcGIS does (11-byte slots
    // of the 32-byte field descriptors that follow the 32-byte header).
    try (FileChannel dbf = FileChannel.open(dir.resolve("p.dbf"), StandardOpenOption.WRITE)) {
      String[] names = {"类型", "权属单位", "材质", "管径"};
      for (int i = 0; i < names.length; i++) {
        byte[] slot = new byte[11];
        byte[] gbk = names[i].getBytes(Charset.forName("GBK"));
        System.arraycopy(gbk, 0, slot, 0, gbk.length);
        dbf.write(ByteBuffer.wrap(slot), 32 + 32L * i);
      }
    }
    Files.writeString(dir.resolve("p.prj"), PrjCrsTest.GK_114E);
    return dir;
  }

  static FileChannel open(Path p) throws IOException {
    return FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.READ);
  }

  static byte[] zip(Path dir, boolean cpg) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (String ext : List.of("shp", "shx", "dbf", "prj")) {
        z.putNextEntry(new ZipEntry("管线." + ext));
        z.write(Files.readAllBytes(dir.resolve("p." + ext)));
        z.closeEntry();
      }
      if (cpg) {
        z.putNextEntry(new ZipEntry("管线.cpg"));
        z.write("GBK".getBytes(StandardCharsets.US_ASCII));
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
