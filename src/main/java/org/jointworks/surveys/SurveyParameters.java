package org.jointworks.surveys;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jointworks.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * The options of an upload, read without touching its body: from the query string, or from the
 * form fields of a multipart body (already parsed). Never {@code request.getParameter} on a raw
 * body: a client that sends a workbook as {@code application/x-www-form-urlencoded} (curl's
 * {@code --data-binary} does) would make the container parse the workbook as form fields, fail,
 * and consume the body. Immutable.
 *
 * @param crs the EPSG code of the X/Y columns (default 4547)
 */
record SurveyParameters(int crs, String mapping, String owner, String utility) {
  static final int DEFAULT_CRS = 4547;

  static SurveyParameters of(HttpServletRequest request) {
    Map<String, String> p = new HashMap<>();
    String query = request.getQueryString();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        p.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request,
        MultipartHttpServletRequest.class);
    if (multipart != null) {
      for (String name : new String[] {"crs", "mapping", "owner", "utility"}) {
        String v = multipart.getParameter(name);
        if (v != null) {
          p.putIfAbsent(name, v);
        }
      }
    }
    int crs;
    try {
      crs = blank(p.get("crs")) == null ? DEFAULT_CRS : Integer.parseInt(p.get("crs").trim());
    } catch (NumberFormatException e) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "survey.crs",
          "crs is an EPSG code such as 4547", Map.of("crs", p.get("crs")));
    }
    return new SurveyParameters(crs, blank(p.get("mapping")), blank(p.get("owner")),
        blank(p.get("utility")));
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "survey.query",
          "the query string is not valid URL encoding", Map.of());
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
