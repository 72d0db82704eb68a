package org.jointworks.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.h2.value.Value;
import org.h2gis.functions.io.dbf.internal.DbaseFileReader;
import org.h2gis.functions.io.shp.internal.IndexFile;
import org.h2gis.functions.io.shp.internal.ShapefileReader;
import org.jointworks.geo.Crs;
import org.jointworks.limits.ParseBudget;
import org.jointworks.system.ApiException;
import org.locationtech.jts.geom.Geometry;
import org.springframework.http.HttpStatus;

/**
 * Reads a zipped Shapefile with H2GIS's Shapefile and DBF readers. The attribute encoding comes
 * from the {@code .cpg} file, else from the DBF language driver byte, else from the caller
 * (GBK by default: ArcGIS and CAD exports in China usually are). The CRS comes from the
 * {@code .prj} ({@link PrjCrs}), else from the caller; geometries are reprojected to EPSG:4490.
 * The zip is unpacked within the zip limits ({@link ZipParts}) and the parts are checked against
 * their real lengths ({@link ShapefileCheck}) before H2GIS's readers see them; errors name the
 * feature and never a server path. Not thread-safe; one per upload. Holds the records in memory
 * (uploads are limited in size).
 */
public final class ShapefileArchive {
  /** DBF language driver ids of the code pages met in practice (ESRI's table). */
  private static final Map<Integer, String> LANGUAGE_DRIVERS = Map.of(
      0x4D, "GBK", 0x7A, "GBK", 0x4F, "Big5", 0x4E, "x-windows-949", 0x13, "Shift_JIS",
      0x01, "IBM437", 0x03, "windows-1252", 0x57, "windows-1252", 0x26, "windows-1251");

  /** One record: its geometry in EPSG:4490 (null when the shape is null) and its attributes. */
  public record Row(Geometry geometry4490, Map<String, Object> attributes) {}

  private final String encoding;
  private final String encodingSource;
  private final int epsg;
  private final String crsSource;
  private final List<String> columns;
  private final List<Row> rows;

  private ShapefileArchive(String encoding, String encodingSource, int epsg, String crsSource,
      List<String> columns, List<Row> rows) {
    this.encoding = encoding;
    this.encodingSource = encodingSource;
    this.epsg = epsg;
    this.crsSource = crsSource;
    this.columns = List.copyOf(columns);
    this.rows = List.copyOf(rows);
  }

  /**
   * @param fallbackEncoding used when neither .cpg nor the DBF says; null for GBK
   * @param fallbackEpsg used when there is no usable .prj; null to refuse such a file
   */
  public static ShapefileArchive read(InputStream zip, String fallbackEncoding,
      Integer fallbackEpsg) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("jointworks-shp");
      Map<String, Path> parts = ZipParts.unzip(zip, dir);
      Path shp = need(parts, "shp");
      Path shx = need(parts, "shx");
      Path dbf = need(parts, "dbf");
      int n = ShapefileCheck.check(shp, shx, dbf);
      String[] enc = encoding(parts.get("cpg"), dbf, fallbackEncoding);
      int[] crs = new int[1];
      String crsSource = crs(parts.get("prj"), fallbackEpsg, crs);
      List<String> columns = new ArrayList<>();
      List<Row> rows = new ArrayList<>();
      try (FileChannel shpCh = FileChannel.open(shp); FileChannel shxCh = FileChannel.open(shx);
          FileChannel dbfCh = FileChannel.open(dbf)) {
        ShapefileReader shapes = new ShapefileReader(shpCh);
        IndexFile index = new IndexFile(shxCh);
        DbaseFileReader table = new DbaseFileReader(dbfCh, enc[0]);
        for (int c = 0; c < table.getFieldCount(); c++) {
          columns.add(table.getHeader().getFieldName(c).trim());
        }
        for (int i = 0; i < n; i++) {
          ParseBudget.check();
          rows.add(row(shapes, index, table, columns, crs[0], i));
        }
      }
      return new ShapefileArchive(enc[0], enc[1], crs[0], crsSource, columns, rows);
    } catch (IOException | RuntimeException e) {
      if (e instanceof ApiException api) {
        throw api;
      }
      // The readers' own messages name server paths and classes: say what, not how.
      throw ApiException.of(HttpStatus.BAD_REQUEST, "file.shapefile",
          "the Shapefile cannot be read", Map.of());
    } finally {
      delete(dir);
    }
  }

  /** Record {@code i}, already checked by {@link ShapefileCheck}; a reader's failure names it. */
  private static Row row(ShapefileReader shapes, IndexFile index, DbaseFileReader table,
      List<String> columns, int epsg, int i) {
    try {
      Geometry g = shapes.geomAt(index.getOffset(i));
      Geometry g4490 = g == null || g.isEmpty() ? null : Crs.transform(g, epsg, Crs.LONLAT);
      Map<String, Object> attrs = new LinkedHashMap<>();
      for (int c = 0; c < columns.size(); c++) {
        attrs.put(columns.get(c), plain(table.getFieldValue(i, c)));
      }
      return new Row(g4490, attrs);
    } catch (IOException | RuntimeException e) {
      if (e instanceof ApiException api) {
        throw api;
      }
      throw ShapefileCheck.refused("file", "the record cannot be read", i);
    }
  }

  public String encoding() {
    return encoding;
  }

  public String encodingSource() {
    return encodingSource;
  }

  public int epsg() {
    return epsg;
  }

  public String crsSource() {
    return crsSource;
  }

  public List<String> columns() {
    return columns;
  }

  public List<Row> rows() {
    return rows;
  }

  private static Path need(Map<String, Path> parts, String ext) {
    Path p = parts.get(ext);
    if (p == null) {
      throw ApiException.badRequest("the zip has no ." + ext + " file; a Shapefile needs"
          + " .shp, .shx and .dbf (and .prj, .cpg when it has them)");
    }
    return p;
  }

  /** {encoding, where it came from}. */
  private static String[] encoding(Path cpg, Path dbf, String fallback) throws IOException {
    if (cpg != null) {
      String name = Files.readString(cpg, StandardCharsets.US_ASCII).trim();
      String charset = switch (name) {
        case "936", "CP936" -> "GBK";
        case "65001" -> "UTF-8";
        case "950" -> "Big5";
        default -> name.matches("\\d+") ? "windows-" + name : name;
      };
      return new String[] {checked(charset, ".cpg"), ".cpg"};
    }
    byte[] head = new byte[32];
    try (var in = Files.newInputStream(dbf, StandardOpenOption.READ)) {
      if (in.readNBytes(head, 0, 32) == 32) {
        String byLdid = LANGUAGE_DRIVERS.get(head[29] & 0xFF);
        if (byLdid != null) {
          return new String[] {byLdid, "DBF language driver 0x"
              + Integer.toHexString(head[29] & 0xFF)};
        }
      }
    }
    if (fallback != null && !fallback.isBlank()) {
      return new String[] {checked(fallback.trim(), "the encoding parameter"), "parameter"};
    }
    return new String[] {"GBK", "default (no .cpg, no DBF language driver, no parameter)"};
  }

  private static String checked(String charset, String where) {
    try {
      return Charset.forName(charset).name();
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw ApiException.badRequest(where + " names an unknown encoding '"
          + charset.substring(0, Math.min(40, charset.length())) + "'");
    }
  }

  private static String crs(Path prj, Integer fallback, int[] out) throws IOException {
    if (prj != null) {
      String wkt = Files.readString(prj, StandardCharsets.ISO_8859_1);
      OptionalInt epsg = PrjCrs.epsgOf(wkt);
      if (epsg.isPresent() && Crs.isKnown(epsg.getAsInt())) {
        out[0] = epsg.getAsInt();
        return ".prj";
      }
      if (fallback == null) {
        throw ApiException.of(HttpStatus.BAD_REQUEST, "file.crs_unknown",
            "the .prj names a CRS this service does not recognise; give its EPSG code as the"
                + " srid parameter", Map.of());
      }
    }
    if (fallback == null) {
      throw ApiException.badRequest("the zip has no .prj; give the CRS as the srid parameter"
          + " (for example 4547 for CGCS2000 / 3-degree Gauss-Kruger CM 114E)");
    }
    if (!Crs.isKnown(fallback)) {
      throw ApiException.badRequest("srid " + fallback + " is not a known EPSG code");
    }
    out[0] = fallback;
    return "parameter";
  }

  private static Object plain(Value v) {
    if (v == null || v.getValueType() == Value.NULL) {
      return null;
    }
    return switch (v.getValueType()) {
      case Value.TINYINT, Value.SMALLINT, Value.INTEGER, Value.BIGINT -> v.getLong();
      case Value.REAL, Value.DOUBLE, Value.NUMERIC, Value.DECFLOAT -> v.getDouble();
      case Value.DATE -> v.getString();
      case Value.BOOLEAN -> v.getBoolean();
      default -> {
        String s = v.getString();
        yield s == null ? null : s.trim();
      }
    };
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
