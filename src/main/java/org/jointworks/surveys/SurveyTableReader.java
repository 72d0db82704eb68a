package org.jointworks.surveys;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jointworks.limits.InputLimits;
import org.jointworks.limits.Limits;
import org.jointworks.system.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Reads the first sheet of an {@code .xlsx} workbook, or a UTF-8 CSV, into a {@link SurveyTable}
 * within bounds: at most {@link #MAX_ROWS} data rows and {@link #MAX_COLUMNS} columns, cells of
 * at most {@link #MAX_CELL_CHARS} characters, the header in the first non-empty row. An
 * {@code .xlsx} is a zip: before POI opens it, POI's own zip-bomb guard ({@link ZipSecureFile})
 * is set from the project's limits ({@code jointworks.limits.zip-ratio}, {@code zip-bytes}), and a
 * sheet beyond the row bound is refused while it is read, never after. Every refusal is an
 * {@link ApiException} with a stable code ({@code limit.survey_rows}, {@code limit.zip_bytes},
 * {@code survey.unreadable} …).
 *
 * <p>Limit: POI's workbook model holds the whole sheet in memory (bounded by the row, column and
 * cell limits above). Thread-safe: stateless, but {@link ZipSecureFile}'s settings are global to
 * the JVM and are set to the same values by every call.
 */
public final class SurveyTableReader {
  public static final int MAX_ROWS = 100_000;
  public static final int MAX_COLUMNS = 64;
  public static final int MAX_CELL_CHARS = 1_000;

  private SurveyTableReader() {}

  /** Reads {@code in} as {@code xlsx} or {@code csv} (the format the client declared). */
  public static SurveyTable read(InputStream in, String format) throws IOException {
    return switch (format) {
      case "xlsx" -> xlsx(in);
      case "csv" -> csv(in);
      default -> throw ApiException.of(HttpStatus.BAD_REQUEST, "survey.format",
          "a survey table is xlsx or csv", Map.of("format", format));
    };
  }

  static SurveyTable xlsx(InputStream in) throws IOException {
    SurveyWorkbookReader.Sheet[] sheets = SurveyWorkbookReader.read(in, names -> {
      if (names.isEmpty()) {
        throw unreadable("the workbook has no sheet");
      }
      return new int[] {0};
    });
    return table(sheets[0].cells(), sheets[0].numbers());
  }

  /**
   * Both tables of one workbook: the sheet whose name holds 管点 (or "point") is the point table,
   * the one holding 管线 (or "line") the line table; without such names, the first and second.
   * Streamed ({@link SurveyWorkbookReader}): only those two sheets are parsed.
   */
  public static SurveyTable[] workbook(InputStream in) throws IOException {
    SurveyWorkbookReader.Sheet[] sheets = SurveyWorkbookReader.read(in, names -> {
      int points = -1;
      int lines = -1;
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        if (points < 0 && (name.contains("管点") || name.contains("point"))) {
          points = i;
        } else if (lines < 0 && (name.contains("管线") || name.contains("line"))) {
          lines = i;
        }
      }
      if (points < 0 || lines < 0) {
        if (names.size() < 2) {
          throw unreadable("the workbook needs a point sheet (管点表) and a line sheet (管线表)");
        }
        points = 0;
        lines = 1;
      }
      return new int[] {points, lines};
    });
    return new SurveyTable[] {table(sheets[0].cells(), sheets[0].numbers()),
        table(sheets[1].cells(), sheets[1].numbers())};
  }

  /** The refusal of an upload POI could not open: a zip limit's code, else unreadable. */
  static ApiException notAWorkbook(Exception e, InputLimits limits) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("Zip bomb") || m.contains("exceeds the maximum")) {
        return Limits.exceeded("zip_bytes", limits.zipBytes(),
            "the workbook unpacks beyond the zip limits");
      }
      if (m.contains("more internal file entries") || m.contains("max file count")) {
        return Limits.exceeded("zip_entries", limits.zipEntries(), "the workbook holds more than "
            + limits.zipEntries() + " members");
      }
    }
    return unreadable("the upload is not a readable .xlsx workbook");
  }

  static SurveyTable csv(InputStream in) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    List<List<String>> cells = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    int n = 0;
    int maxLine = Limits.current().csvLineChars();
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      n++;
      if (line.length() > maxLine) {
        throw Limits.exceeded("csv_line", maxLine, "a CSV line is longer than " + maxLine);
      }
      if (cells.size() > MAX_ROWS + 1) {
        throw tooManyRows();
      }
      List<String> row = split(n == 1 ? line.replace("\uFEFF", "") : line);
      if (row.size() > MAX_COLUMNS) {
        throw tooManyColumns();
      }
      cells.add(row);
      numbers.add(n);
    }
    return table(cells, numbers);
  }

  /** Splits one CSV line: commas, double quotes around a cell, "" for a quote inside one. */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted) {
        out.add(cap(cell.toString()));
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    out.add(cap(cell.toString()));
    return out;
  }

  /** The first non-empty row is the header; blank rows are dropped; rows cut or padded to it. */
  static SurveyTable table(List<List<String>> cells, List<Integer> numbers) {
    int h = 0;
    while (h < cells.size() && cells.get(h).stream().allMatch(String::isEmpty)) {
      h++;
    }
    if (h == cells.size()) {
      throw unreadable("the table has no header row");
    }
    List<String> headers = new ArrayList<>(cells.get(h));
    while (!headers.isEmpty() && headers.get(headers.size() - 1).isEmpty()) {
      headers.remove(headers.size() - 1);
    }
    List<List<String>> rows = new ArrayList<>();
    List<Integer> rowNumbers = new ArrayList<>();
    for (int i = h + 1; i < cells.size(); i++) {
      List<String> r = cells.get(i);
      if (r.stream().allMatch(String::isEmpty)) {
        continue;
      }
      List<String> padded = new ArrayList<>(r.subList(0, Math.min(r.size(), headers.size())));
      while (padded.size() < headers.size()) {
        padded.add("");
      }
      rows.add(padded);
      rowNumbers.add(numbers.get(i));
    }
    if (rows.size() > MAX_ROWS) {
      throw tooManyRows();
    }
    return new SurveyTable(headers, rows, rowNumbers);
  }

  static String cap(String s) {
    String t = s.trim();
    if (t.length() > MAX_CELL_CHARS) {
      throw Limits.exceeded("survey_cell", MAX_CELL_CHARS,
          "a cell is longer than " + MAX_CELL_CHARS + " characters");
    }
    return t;
  }

  static ApiException tooManyRows() {
    return Limits.exceeded("survey_rows", MAX_ROWS, "a survey table has more than " + MAX_ROWS
        + " rows");
  }

  static ApiException tooManyColumns() {
    return Limits.exceeded("survey_columns", MAX_COLUMNS, "a survey table has more than "
        + MAX_COLUMNS + " columns");
  }

  private static ApiException unreadable(String why) {
    return ApiException.of(HttpStatus.BAD_REQUEST, "survey.unreadable", why, Map.of());
  }
}
