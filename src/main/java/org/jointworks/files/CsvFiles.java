package org.jointworks.files;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.tools.Csv;
import org.h2.tools.SimpleResultSet;
import org.jointworks.geo.Crs;
import org.jointworks.geo.Geometries;
import org.jointworks.geo.VertexLimit;
import org.jointworks.limits.ParseBudget;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Field;
import org.jointworks.layers.Layer;
import org.jointworks.system.ApiException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;
import org.springframework.http.HttpStatus;

/**
 * CSV with the geometry as a WKT column or as lon/lat (or x/y in {@code srid}) columns, read
 * and written with H2's CSV tool. Values stay text; numbers are recognised so that a count or a
 * measure validates. Stateless.
 */
final class CsvFiles {
  private CsvFiles() {}

  /** The columns and rows (geometry in EPSG:4490) of a CSV. */
  static ShapefileLike read(Reader in, String wktColumn, String lonColumn, String latColumn,
      int srid) throws IOException {
    if ((wktColumn == null) == (lonColumn == null || latColumn == null)) {
      throw ApiException.badRequest("name the geometry: wkt=COLUMN, or lon=COLUMN&lat=COLUMN");
    }
    if (!Crs.isKnown(srid)) {
      throw ApiException.badRequest("srid " + srid + " is not a known EPSG code");
    }
    Csv reader = new Csv();
    reader.setCaseSensitiveColumnNames(true);
    try (ResultSet rs = reader.read(new LineLimitedReader(in), null)) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        columns.add(md.getColumnLabel(i));
      }
      for (String c : new String[] {wktColumn, lonColumn, latColumn}) {
        if (c != null && !columns.contains(c)) {
          throw ApiException.of(HttpStatus.BAD_REQUEST, "file.csv_column", "the CSV has no"
              + " column '" + c + "'", Map.of("column", c, "columns", columns));
        }
      }
      List<ShapefileArchive.Row> rows = new ArrayList<>();
      WKTReader wkt = new WKTReader(Geometries.LONLAT);
      int line = 1;
      while (rs.next()) {
        line++;
        ParseBudget.check();
        Map<String, Object> attrs = new LinkedHashMap<>();
        for (String c : columns) {
          attrs.put(c, value(rs.getString(c)));
        }
        Geometry g = geometry(rs, wkt, wktColumn, lonColumn, latColumn, line);
        attrs.remove(wktColumn);
        try {
          rows.add(new ShapefileArchive.Row(g == null ? null : Crs.transform(g, srid,
              Crs.LONLAT), attrs));
        } catch (RuntimeException e) {
          throw unreadable(line, "its coordinates cannot be transformed from EPSG:" + srid);
        }
      }
      columns.remove(wktColumn);
      return new ShapefileLike(columns, rows);
    } catch (SQLException | RuntimeException e) {
      if (e instanceof ApiException api) {
        throw api;
      }
      // H2's messages name classes and internals: say what, not how.
      throw ApiException.of(HttpStatus.BAD_REQUEST, "file.csv", "the CSV cannot be read"
          + " (check its quotes and its encoding)", Map.of());
    }
  }

  /** The geometry of one row: WKT, or lon/lat columns; null for an empty WKT cell. */
  private static Geometry geometry(ResultSet rs, WKTReader wkt, String wktColumn,
      String lonColumn, String latColumn, int line) throws SQLException {
    if (wktColumn != null) {
      String text = rs.getString(wktColumn);
      if (text == null || text.isBlank()) {
        return null;
      }
      try {
        Geometry g = wkt.read(text);
        VertexLimit.check(g.getNumPoints());
        return g;
      } catch (ParseException | IllegalArgumentException e) {
        throw unreadable(line, "its WKT cannot be read");
      }
    }
    String lon = rs.getString(lonColumn);
    String lat = rs.getString(latColumn);
    try {
      double x = Double.parseDouble(lon.trim());
      double y = Double.parseDouble(lat.trim());
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        throw new NumberFormatException();
      }
      return Geometries.LONLAT.createPoint(new Coordinate(x, y));
    } catch (NullPointerException | NumberFormatException e) {
      throw unreadable(line, "its coordinates are not two finite numbers");
    }
  }

  private static ApiException unreadable(int line, String why) {
    return ApiException.of(HttpStatus.BAD_REQUEST, "file.csv_geometry", "line " + line + ": "
        + why, Map.of("line", line));
  }

  /** Columns and rows as read from any tabular file. */
  record ShapefileLike(List<String> columns, List<ShapefileArchive.Row> rows) {}

  static void write(Writer out, Layer layer, List<Feature> features) throws IOException {
    SimpleResultSet rs = new SimpleResultSet();
    rs.addColumn("id", Types.BIGINT, 19, 0);
    rs.addColumn("wkt", Types.VARCHAR, Integer.MAX_VALUE, 0);
    for (Field f : layer.fields()) {
      rs.addColumn(f.name(), Types.VARCHAR, Integer.MAX_VALUE, 0);
    }
    WKTWriter wkt = new WKTWriter(2);
    for (Feature f : features) {
      Object[] row = new Object[layer.fields().size() + 2];
      row[0] = f.id();
      row[1] = f.geometry() == null ? null : wkt.write(f.geometry());
      for (int i = 0; i < layer.fields().size(); i++) {
        Object v = f.get(layer.fields().get(i).name());
        row[i + 2] = v == null ? null : v.toString();
      }
      rs.addRow(row);
    }
    try {
      new Csv().write(out, rs);
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }

  private static Object value(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s.trim();
    if (t.matches("-?\\d{1,18}")) {
      return Long.parseLong(t);
    }
    if (t.matches("-?\\d+\\.\\d+([eE][-+]?\\d+)?")) {
      return Double.parseDouble(t);
    }
    return t;
  }
}
