package org.jointworks.surveys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.geo.Crs;

/**
 * Links a survey's line table to its point table by point numbers and checks both, row by row,
 * before anything is stored: every required cell present, numbers where numbers belong, point
 * numbers unique, every line's start and end a surveyed point and not the same one. The answer
 * either has no errors and every point and line, or lists every error (table, spreadsheet row,
 * column, code) — an importer then stores all or nothing.
 *
 * <p>Coordinates: CJJ 61 tables give X as the northing and Y as the easting of a projected CRS
 * (Gauss-Krüger), the surveyor's convention; they are turned into lon/lat (EPSG:4490) here.
 * Stateless and thread-safe.
 */
public final class SurveyLinker {
  private SurveyLinker() {}

  /** One problem of one cell or row. {@code table} is {@code points} or {@code lines}. */
  public record RowError(String table, int row, String field, String code) {}

  /**
   * A surveyed point, at {@code lon}/{@code lat} (EPSG:4490); attributes by field name;
   * {@code row} is its spreadsheet row.
   */
  public record Point(int row, String pointNo, double lon, double lat,
      Map<String, Object> attributes) {}

  /** A pipe from one surveyed point to another; attributes by field name. */
  public record Line(int row, String startPoint, String endPoint,
      Map<String, Object> attributes) {}

  /** The outcome: points and lines when {@code errors} is empty. */
  public record Linked(List<Point> points, List<Line> lines, List<RowError> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  private static final List<String> NUMBERS = List.of("x", "y", "ground_elevation_m", "depth_m",
      "diameter_mm", "depth_start_m", "depth_end_m", "year_built");

  /**
   * @param crsEpsg the projected CRS the X/Y columns are in (EPSG:4547 for the city's
   *     CGCS2000 3-degree zone at 114°E)
   */
  public static Linked link(SurveyTable points, SurveyTable lines, int crsEpsg) {
    return link(points, lines, crsEpsg, SurveyColumns.POINTS.map(points.headers()),
        SurveyColumns.LINES.map(lines.headers()));
  }

  /** As {@link #link(SurveyTable, SurveyTable, int)}, with the tables' mappings given. */
  public static Linked link(SurveyTable points, SurveyTable lines, int crsEpsg,
      SurveyColumns.Mapping pm, SurveyColumns.Mapping lm) {
    List<RowError> errors = new ArrayList<>();
    pm.missing().forEach(f -> errors.add(new RowError("points", 0, f, "survey.column_missing")));
    lm.missing().forEach(f -> errors.add(new RowError("lines", 0, f, "survey.column_missing")));
    if (!errors.isEmpty()) {
      return new Linked(List.of(), List.of(), errors);
    }
    Map<String, Point> byNo = new HashMap<>();
    List<Point> outPoints = new ArrayList<>();
    for (int i = 0; i < points.rows().size(); i++) {
      Map<String, Object> a = values("points", points, i, pm, errors);
      String no = (String) a.remove("point_no");
      if (no == null || !(a.get("x") instanceof Double x) || !(a.get("y") instanceof Double y)) {
        continue;
      }
      if (byNo.containsKey(no)) {
        errors.add(new RowError("points", points.rowNumber(i), "point_no",
            "survey.point_duplicate"));
        continue;
      }
      double[] ll = Crs.transform(crsEpsg, Crs.LONLAT, y, x);
      // A projection pins absurd coordinates to a pole or wraps them round: a point that does
      // not come back to where it was read (to a millimetre) is not on the map.
      double[] back = Crs.transform(Crs.LONLAT, crsEpsg, ll[0], ll[1]);
      if (!(Math.abs(back[0] - y) < 1e-3 && Math.abs(back[1] - x) < 1e-3)) {
        errors.add(new RowError("points", points.rowNumber(i), "x", "survey.coordinates"));
        continue;
      }
      Point p = new Point(points.rowNumber(i), no, ll[0], ll[1], a);
      byNo.put(no, p);
      outPoints.add(p);
    }
    List<Line> outLines = new ArrayList<>();
    for (int i = 0; i < lines.rows().size(); i++) {
      Map<String, Object> a = values("lines", lines, i, lm, errors);
      String from = (String) a.remove("start_point");
      String to = (String) a.remove("end_point");
      int row = lines.rowNumber(i);
      if (from != null && !byNo.containsKey(from)) {
        errors.add(new RowError("lines", row, "start_point", "survey.point_unknown"));
      }
      if (to != null && !byNo.containsKey(to)) {
        errors.add(new RowError("lines", row, "end_point", "survey.point_unknown"));
      }
      if (from != null && from.equals(to)) {
        errors.add(new RowError("lines", row, "end_point", "survey.line_degenerate"));
      }
      if (from != null && to != null) {
        outLines.add(new Line(row, from, to, a));
      }
    }
    return errors.isEmpty() ? new Linked(outPoints, outLines, List.of())
        : new Linked(List.of(), List.of(), errors);
  }

  /** The mapped cells of one row, numbers parsed; a required cell missing is an error. */
  private static Map<String, Object> values(String table, SurveyTable t, int i,
      SurveyColumns.Mapping m, List<RowError> errors) {
    Map<String, Object> out = new LinkedHashMap<>();
    SurveyColumns columns = table.equals("points") ? SurveyColumns.POINTS : SurveyColumns.LINES;
    for (SurveyColumns.Field f : columns.fields()) {
      Integer col = m.columns().get(f.name());
      String cell = col == null ? "" : t.rows().get(i).get(col);
      if (cell.isEmpty()) {
        if (f.required()) {
          errors.add(new RowError(table, t.rowNumber(i), f.name(), "survey.cell_missing"));
        }
        continue;
      }
      if (NUMBERS.contains(f.name())) {
        try {
          double v = Double.parseDouble(cell);
          if (!Double.isFinite(v)) {
            throw new NumberFormatException(cell);
          }
          out.put(f.name(), v);
        } catch (NumberFormatException e) {
          errors.add(new RowError(table, t.rowNumber(i), f.name(), "survey.cell_not_a_number"));
        }
      } else {
        out.put(f.name(), cell);
      }
    }
    return out;
  }
}
