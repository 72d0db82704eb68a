package org.jointworks.files;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What an uploaded file is, told by its first bytes rather than by the Content-Type a client
 * chose to send (browsers send none for a {@code .shp.zip}, curl sends a form type): a zip starts
 * {@code PK\3\4}, a GeoPackage is an SQLite database ({@code "SQLite format 3\0"}), GeoJSON starts
 * with <code>{</code> after optional white space and byte-order mark, a spreadsheet
 * ({@code .xlsx}) is a zip too and is told apart by the caller's endpoint; anything else is read
 * as text (CSV). A multipart form body is recognised so it can be refused with a clear message.
 * Stateless.
 */
enum UploadFormat {
  ZIP("application/zip"),
  SQLITE("application/geopackage+sqlite3"),
  JSON("application/geo+json"),
  MULTIPART("multipart/form-data"),
  TEXT("text/csv");

  /** How many bytes {@link #of} looks at. */
  static final int SNIFF_BYTES = 256;
  private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  final String mediaType;

  UploadFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  /**
   * Refuses (415, {@code upload.format}) a body that is not {@code expected}, so a GeoPackage sent
   * to the Shapefile endpoint is told so instead of failing inside a reader.
   */
  static void expect(jakarta.servlet.http.HttpServletRequest request, UploadFormat expected,
      String endpoint) {
    Object found = request.getAttribute(UploadBodyFilter.FORMAT);
    if (found != null && found != expected) {
      throw org.jointworks.system.ApiException.of(
          org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE, "upload.format",
          "this endpoint takes a " + endpoint + "; the file is " + found.toString().toLowerCase(
              java.util.Locale.ROOT) + " (POST /api/files/import takes any format)",
          java.util.Map.of("expected", endpoint, "found",
              found.toString().toLowerCase(java.util.Locale.ROOT)));
    }
  }

  /** The format of a body starting with {@code head} (its first {@code n} bytes). */
  static UploadFormat of(byte[] head, int n) {
    if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return ZIP;
    }
    if (n >= SQLITE_MAGIC.length
        && Arrays.equals(head, 0, SQLITE_MAGIC.length, SQLITE_MAGIC, 0, SQLITE_MAGIC.length)) {
      return SQLITE;
    }
    int i = 0;
    if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
      i = 3;
    }
    while (i < n && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) {
      i++;
    }
    if (i < n && head[i] == '{') {
      return JSON;
    }
    if (n >= 2 && head[0] == '-' && head[1] == '-'
        && new String(head, 0, n, StandardCharsets.ISO_8859_1).contains("Content-Disposition")) {
      return MULTIPART;
    }
    return TEXT;
  }
}
