package org.jointworks.surveys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jointworks.support.Http;

/** Survey deliverables for the HTTP tests: real workbooks written with POI, CSV, multipart. */
final class SurveyFiles {
  private SurveyFiles() {}

  /** A two-sheet workbook (管点表, 管线表) from rows of text; an empty text leaves no cell. */
  static byte[] workbook(String[][] points, String[][] lines) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Workbook book = new XSSFWorkbook()) {
      fill(book.createSheet("管点表"), points);
      fill(book.createSheet("管线表"), lines);
      book.write(out);
    }
    return out.toByteArray();
  }

  private static void fill(Sheet s, String[][] rows) {
    for (int r = 0; r < rows.length; r++) {
      Row row = s.createRow(r);
      for (int c = 0; c < rows[r].length; c++) {
        if (!rows[r][c].isEmpty()) {
          row.createCell(c).setCellValue(rows[r][c]);
        }
      }
    }
  }

  static String csv(String[][] rows) {
    StringBuilder b = new StringBuilder();
    for (String[] row : rows) {
      b.append(String.join(",", row)).append("\r\n");
    }
    return b.toString();
  }

  /** The workbook with an 8 MiB member of zeros added: a zip bomb of a few kilobytes. */
  static byte[] bomb(byte[] sound) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(sound));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        zip.putNextEntry(new ZipEntry(e.getName()));
        in.transferTo(zip);
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry("docProps/padding.xml"));
      zip.write(new byte[8 * 1024 * 1024]);
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  /** POSTs {@code body} raw with {@code contentType}. */
  static Http.Response raw(Http http, String path, String contentType, byte[] body) {
    HttpRequest.Builder b = http.builder(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return http.send(b);
  }

  /** POSTs a multipart/form-data body of file parts (name, file name, bytes) in pairs. */
  static Http.Response multipart(Http http, String path, Object... parts) throws IOException {
    String boundary = "survey-" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i < parts.length; i += 3) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + parts[i]
          + "\"; filename=\"" + parts[i + 1] + "\"\r\nContent-Type: application/octet-stream"
          + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.write((byte[]) parts[i + 2]);
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return raw(http, path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }
}
