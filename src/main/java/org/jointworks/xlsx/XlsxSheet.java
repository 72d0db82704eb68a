package org.jointworks.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes one table as an .xlsx workbook with Apache POI's streaming writer (SXSSF keeps only a
 * window of rows in memory and spills the rest to a temporary file, deleted on close), so a large
 * table costs little heap. Numbers are written as numbers (sums and filters work in Excel),
 * everything else as text; the header row is bold and frozen. No Spring; not thread-safe (one per
 * export).
 */
public final class XlsxSheet {
  /** Rows kept in memory by SXSSF before it flushes to its temporary file. */
  private static final int WINDOW = 200;
  public static final String MEDIA_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private XlsxSheet() {}

  /**
   * @param sheetName the tab's name (cut to Excel's 31 characters)
   * @param rows each cell a {@link Number}, a {@link String} or null
   */
  public static void write(String sheetName, List<String> headers, List<List<Object>> rows,
      OutputStream out) throws IOException {
    SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
    try {
      String name = sheetName.replaceAll("[\\\\/?*\\[\\]:]", " ");
      SXSSFSheet sheet = wb.createSheet(name.length() > 31 ? name.substring(0, 31) : name);
      CellStyle bold = wb.createCellStyle();
      Font font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row head = sheet.createRow(0);
      for (int c = 0; c < headers.size(); c++) {
        Cell cell = head.createCell(c);
        cell.setCellValue(headers.get(c));
        cell.setCellStyle(bold);
        sheet.setColumnWidth(c, Math.min(60, Math.max(10, headers.get(c).length() * 2 + 4)) * 256);
      }
      sheet.createFreezePane(0, 1);
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        List<Object> values = rows.get(r);
        for (int c = 0; c < values.size(); c++) {
          Object v = values.get(c);
          if (v instanceof Number n) {
            row.createCell(c).setCellValue(n.doubleValue());
          } else if (v != null) {
            String s = v.toString();
            // Excel's cell limit; a longer text is cut rather than refused.
            row.createCell(c).setCellValue(s.length() > 32_767 ? s.substring(0, 32_767) : s);
          }
        }
      }
      wb.write(out);
    } finally {
      wb.close(); // also deletes SXSSF's temporary files
    }
  }
}
