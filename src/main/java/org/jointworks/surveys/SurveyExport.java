package org.jointworks.surveys;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jointworks.geo.Crs;
import org.jointworks.layers.Feature;
import org.locationtech.jts.geom.Coordinate;

/**
 * Writes the two survey tables back in the form the import reads: the Chinese header labels of
 * {@link SurveyColumns} ({@link SurveyColumns#labels()}), one row per pipe point (X the northing,
 * Y the easting in the requested projected CRS, to the millimetre) and one row per pipeline that
 * names its end points, stored codes as they are. Numbers are written as numbers, whole ones
 * without a decimal point, so that an export imports back to the same features and exports again
 * to the same tables. {@code .xlsx} is streamed with POI's SXSSF (a window of rows in memory);
 * CSV is UTF-8 with a byte-order mark, which spreadsheet programs need to show Chinese. Stateless.
 */
final class SurveyExport {
  /** Rows SXSSF keeps in memory while writing a sheet. */
  private static final int WINDOW = 200;

  private SurveyExport() {}

  /** A table's header and its rows' cells (String or Double, null when empty). */
  interface Source {
    void rows(SurveyColumns table, Consumer<List<Object>> sink);
  }

  /** The cells of one pipe point or pipeline, in {@code table}'s field order. */
  static List<Object> row(SurveyColumns table, Feature f, int crsEpsg) {
    List<Object> out = new ArrayList<>();
    for (SurveyColumns.Field field : table.fields()) {
      Object v = switch (field.name()) {
        case "x", "y" -> {
          Coordinate c = f.geometry().getCoordinate();
          double[] en = Crs.transform(Crs.LONLAT, crsEpsg, c.x, c.y);
          yield millimetres(field.name().equals("x") ? en[1] : en[0]);
        }
        case "start_point", "end_point", "point_no" -> f.text(field.name());
        default -> f.get(field.name());
      };
      out.add(v instanceof Long n ? Double.valueOf(n) : v);
    }
    return out;
  }

  static void xlsx(Source source, OutputStream out) throws IOException {
    SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
    try {
      for (SurveyColumns table : SurveyColumns.values()) {
        Sheet sheet = book.createSheet(table == SurveyColumns.POINTS ? "管点表" : "管线表");
        write(sheet.createRow(0), new ArrayList<>(table.labels()));
        int[] n = {1};
        source.rows(table, cells -> write(sheet.createRow(n[0]++), cells));
      }
      book.write(out);
    } finally {
      book.close();
    }
  }

  private static void write(Row row, List<?> cells) {
    for (int c = 0; c < cells.size(); c++) {
      Object v = cells.get(c);
      if (v instanceof Double d) {
        row.createCell(c).setCellValue(d);
      } else if (v != null) {
        row.createCell(c).setCellValue(v.toString());
      }
    }
  }

  static void csv(Source source, SurveyColumns table, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write('\uFEFF');
    line(w, new ArrayList<>(table.labels()));
    source.rows(table, cells -> {
      try {
        line(w, cells);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    w.flush();
  }

  private static void line(Writer w, List<?> cells) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        b.append(',');
      }
      b.append(quoted(text(cells.get(c))));
    }
    w.write(b.append("\r\n").toString());
  }

  /** A number as a surveyor writes it: no exponent, no trailing zeros, whole without a point. */
  static String text(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return v.toString();
  }

  private static String quoted(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0
        && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  private static double millimetres(double metres) {
    return BigDecimal.valueOf(metres).setScale(3, RoundingMode.HALF_UP).doubleValue();
  }
}
