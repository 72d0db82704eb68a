package org.jointworks.files;

import java.io.File;
import java.io.IOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import org.jointworks.geo.Geometries;
import org.jointworks.geo.VertexLimit;
import org.jointworks.limits.ParseBudget;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Field;
import org.jointworks.layers.Layer;
import org.jointworks.system.ApiException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.http.HttpStatus;

/**
 * GeoPackage files with NGA's library: every layer as a feature table named after it, columns
 * named after the layer's fields, geometries in EPSG:4490, dates as ISO text. What
 * {@link #write} makes, {@link #read} takes back unchanged. Stateless.
 */
final class GeoPackageFiles {
  private GeoPackageFiles() {}

  static void write(File file, Map<Layer, List<Feature>> layers) {
    GeoPackageManager.create(file);
    try (GeoPackage gp = GeoPackageManager.open(file)) {
      SpatialReferenceSystem srs = srs4490(gp);
      for (Map.Entry<Layer, List<Feature>> e : layers.entrySet()) {
        Layer layer = e.getKey();
        GeometryColumns gc = new GeometryColumns();
        gc.setTableName(layer.table());
        gc.setColumnName("geom");
        gc.setGeometryType(GeometryType.GEOMETRY);
        gc.setZ((byte) 0);
        gc.setM((byte) 0);
        gc.setSrs(srs);
        List<FeatureColumn> cols = new ArrayList<>();
        for (Field f : layer.fields()) {
          cols.add(FeatureColumn.createColumn(f.name(), switch (f.type()) {
            case INTEGER -> GeoPackageDataType.INTEGER;
            case DECIMAL -> GeoPackageDataType.DOUBLE;
            default -> GeoPackageDataType.TEXT;
          }));
        }
        gp.createFeatureTable(FeatureTableMetadata.create(gc, cols,
            new BoundingBox(-180, -90, 180, 90)));
        FeatureDao dao = gp.getFeatureDao(layer.table());
        WKBWriter wkb = new WKBWriter(2);
        for (Feature f : e.getValue()) {
          FeatureRow row = dao.newRow();
          if (f.geometry() != null) {
            GeoPackageGeometryData data = GeoPackageGeometryData.createFromWkb(srs.getSrsId(),
                wkb.write(f.geometry()));
            row.setGeometry(data);
          }
          for (Field field : layer.fields()) {
            Object v = f.get(field.name());
            row.setValue(field.name(), v instanceof LocalDate d ? d.toString() : v);
          }
          dao.create(row);
        }
      }
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("cannot write the GeoPackage", e);
    }
  }

  /**
   * The features of every table named after a layer; other tables are reported as ignored. The
   * file's SQLite header is checked against its real length first ({@link SqliteHeader}); any
   * failure of the library on a damaged file is a 400 {@code file.geopackage} that names the
   * table and never the server's temporary path.
   */
  static Map<Layer, List<Feature>> read(File file, List<String> ignoredTables) {
    SqliteHeader.check(file.toPath());
    Map<Layer, List<Feature>> out = new EnumMap<>(Layer.class);
    String table = null;
    try (GeoPackage gp = GeoPackageManager.open(file, false)) {
      for (String t : gp.getFeatureTables()) {
        table = t;
        Layer layer = Layer.byId(t).orElse(null);
        if (layer == null) {
          ignoredTables.add(t);
          continue;
        }
        FeatureDao dao = gp.getFeatureDao(t);
        long srsId = dao.getGeometryColumns().getSrsId();
        if (srsId != 4490 && srsId != 4326) {
          throw ApiException.of(HttpStatus.BAD_REQUEST, "file.geopackage_srs", "table " + t
              + " is in SRS " + srsId + "; this import takes EPSG:4490 (or 4326) GeoPackages",
              Map.of("table", t, "srs", srsId));
        }
        out.put(layer, features(dao, layer, t));
      }
    } catch (IOException | ParseException | SQLException | RuntimeException e) {
      if (e instanceof ApiException api) {
        throw api;
      }
      throw ApiException.of(HttpStatus.BAD_REQUEST, "file.geopackage",
          "the GeoPackage cannot be read" + (table == null ? "" : " (table " + table + ")"),
          table == null ? Map.of() : Map.of("table", table));
    }
    return out;
  }

  private static List<Feature> features(FeatureDao dao, Layer layer, String table)
      throws IOException, ParseException, SQLException {
    List<Feature> fs = new ArrayList<>();
    WKBReader wkb = new WKBReader(Geometries.LONLAT);
    FeatureResultSet rs = dao.queryForAll();
    try {
      while (rs.moveToNext()) {
        ParseBudget.check();
        FeatureRow row = rs.getRow();
        Geometry g = null;
        GeoPackageGeometryData data = row.getGeometry();
        if (data != null && data.getGeometry() != null) {
          g = wkb.read(data.getWkb());
          VertexLimit.check(g.getNumPoints());
          g.setSRID(4490);
        }
        Map<String, Object> props = new LinkedHashMap<>();
        for (Field f : layer.fields()) {
          if (!dao.getTable().hasColumn(f.name())) {
            continue;
          }
          Object v = row.getValue(f.name());
          if (v instanceof Number || v instanceof String || v instanceof Boolean) {
            // The import's FeatureReader checks type and range, as for any GeoJSON.
            props.put(f.name(), v);
          } else if (v != null) {
            throw ApiException.of(HttpStatus.BAD_REQUEST, "file.geopackage_value", "table "
                + table + ", row " + fs.size() + ": column " + f.name()
                + " holds neither text nor a number", Map.of("table", table, "row", fs.size(),
                "column", f.name()));
          }
        }
        fs.add(Feature.unsaved(g, props));
      }
    } finally {
      rs.close();
    }
    return fs;
  }

  private static SpatialReferenceSystem srs4490(GeoPackage gp) throws SQLException {
    var dao = gp.getSpatialReferenceSystemDao();
    try {
      return dao.getOrCreateCode("EPSG", 4490);
    } catch (RuntimeException | SQLException e) {
      SpatialReferenceSystem srs = new SpatialReferenceSystem();
      srs.setSrsName("China Geodetic Coordinate System 2000");
      srs.setSrsId(4490);
      srs.setOrganization("EPSG");
      srs.setOrganizationCoordsysId(4490);
      srs.setDefinition("GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\","
          + "SPHEROID[\"CGCS2000\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],"
          + "UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4490\"]]");
      dao.create(srs);
      return srs;
    }
  }
}
