package org.jointworks.surveys;

import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.jointworks.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * The two tables of an upload, whatever its Content-Type: a raw body is one {@code .xlsx}
 * workbook holding both sheets (管点表 and 管线表); a {@code multipart/form-data} body carries
 * either one such workbook (any single file part, or the part {@code workbook}) or the two
 * tables as the parts {@code points} and {@code lines}, each an {@code .xlsx} (its first sheet)
 * or a UTF-8 CSV. Workbooks are told from CSV by their zip signature, never by a name or a
 * declared type. Stateless.
 */
final class SurveyUpload {
  private SurveyUpload() {}

  /** {@code [points, lines]}. */
  static SurveyTable[] read(HttpServletRequest request) throws IOException {
    MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request,
        MultipartHttpServletRequest.class);
    if (multipart == null) {
      InputStream in = new BufferedInputStream(request.getInputStream());
      if (!isZip(in)) {
        throw ApiException.of(HttpStatus.BAD_REQUEST, "survey.unreadable",
            "a raw body is one .xlsx workbook holding both tables; send two CSV tables as the"
                + " multipart parts 'points' and 'lines'", Map.of());
      }
      return SurveyTableReader.workbook(in);
    }
    MultipartFile points = multipart.getFile("points");
    MultipartFile lines = multipart.getFile("lines");
    if (points != null && lines != null) {
      return new SurveyTable[] {table(points), table(lines)};
    }
    MultipartFile book = multipart.getFile("workbook");
    if (book == null && multipart.getFileMap().size() == 1) {
      book = multipart.getFileMap().values().iterator().next();
    }
    if (book == null) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "survey.parts",
          "send one workbook, or the two tables as the parts 'points' and 'lines'", Map.of());
    }
    try (InputStream in = book.getInputStream()) {
      return SurveyTableReader.workbook(in);
    }
  }

  private static SurveyTable table(MultipartFile part) throws IOException {
    try (InputStream in = new BufferedInputStream(part.getInputStream())) {
      return SurveyTableReader.read(in, isZip(in) ? "xlsx" : "csv");
    }
  }

  /** Whether the stream starts with a zip's local header signature {@code PK\3\4}. */
  private static boolean isZip(InputStream in) throws IOException {
    in.mark(4);
    byte[] head = in.readNBytes(4);
    in.reset();
    return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
  }
}
