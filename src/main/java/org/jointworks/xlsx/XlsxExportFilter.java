package org.jointworks.xlsx;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.jointworks.system.ApiException;
import org.jointworks.system.ProblemResponses;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code GET <table endpoint>?format=xlsx&lang=zh-CN|en}: the endpoint's own JSON answer, for the
 * same user with the same parameters, written as an Excel sheet ({@link XlsxTables} says which
 * endpoints and columns). It runs after Spring Security, so the export is allowed and scoped
 * exactly as the JSON it mirrors — a refusal (401, 403, 400) passes through unchanged — and it
 * needs no rule of its own. Bounded: the JSON is held up to {@link #MAX_JSON_BYTES}, the sheet to
 * {@link #MAX_ROWS} rows; more is 413 {@code xlsx.too_large}. Rejected design: a separate
 * {@code /api/xlsx/…} endpoint per table calling each feature's service — every table's access
 * rule and parameters would be written twice and could drift. Thread-safe (no state).
 */
@Component
// After Spring Security's filter chain (order -100, Boot's default), so its rules apply first.
@Order(-90)
class XlsxExportFilter extends OncePerRequestFilter {
  static final long MAX_JSON_BYTES = 64L << 20;
  static final int MAX_ROWS = 100_000;

  private final ObjectMapper json;
  private final XlsxMessages messages;
  private final XlsxCells cells;

  XlsxExportFilter(ObjectMapper json, XlsxMessages messages, XlsxCells cells) {
    this.json = json;
    this.messages = messages;
    this.cells = cells;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || !"xlsx".equals(request.getParameter("format"))
        || XlsxTables.forPath(request.getRequestURI()).isEmpty();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    XlsxTables.Table table = XlsxTables.forPath(request.getRequestURI()).orElseThrow();
    CapturedResponse captured = new CapturedResponse(response, MAX_JSON_BYTES);
    chain.doFilter(new AsJson(request), captured);
    if (captured.overflowed()) {
      ProblemResponses.write(response, tooLarge());
      return;
    }
    if (captured.getStatus() >= 300 || captured.error()) {
      passThrough(captured, response);
      return;
    }
    JsonNode root = json.readTree(captured.body());
    JsonNode rowsNode = table.rows().isEmpty() ? root : root.at(table.rows());
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode r : rowsNode) {
      if (table.keep().test(r)) {
        rows.add(r);
      }
      if (rows.size() > MAX_ROWS) {
        ProblemResponses.write(response, tooLarge());
        return;
      }
    }
    String lang = XlsxMessages.lang(request.getParameter("lang"));
    List<String> headers = table.columns().stream()
        .map(c -> messages.getOr(lang, c.header(), c.header())).toList();
    List<List<Object>> values = cells.rows(lang, table.columns(), rows);
    String title = messages.getOr(lang, table.title(), "table");
    response.setStatus(200);
    response.setContentType(XlsxSheet.MEDIA_TYPE);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Content-Disposition", "attachment; filename=\"table.xlsx\"; filename*=UTF-8''"
        + URLEncoder.encode(title, StandardCharsets.UTF_8).replace("+", "%20") + ".xlsx");
    XlsxSheet.write(title, headers, values, response.getOutputStream());
  }

  private static void passThrough(CapturedResponse captured, HttpServletResponse response)
      throws IOException {
    if (captured.error() && captured.body().length == 0) {
      response.sendError(captured.getStatus());
      return;
    }
    response.setStatus(captured.getStatus());
    captured.headers().forEach(response::setHeader);
    if (captured.getContentType() != null) {
      response.setContentType(captured.getContentType());
    }
    response.getOutputStream().write(captured.body());
  }

  private static ApiException tooLarge() {
    return ApiException.of(HttpStatus.CONTENT_TOO_LARGE, "xlsx.too_large", "the table has more"
        + " than " + MAX_ROWS + " rows; narrow it (a county, a period) and export again",
        Map.of("max", MAX_ROWS));
  }

  /** The request asking for JSON, never a 304: the workbook is made from the whole answer. */
  private static final class AsJson extends HttpServletRequestWrapper {
    AsJson(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getHeader(String name) {
      if ("accept".equalsIgnoreCase(name)) {
        return "application/json";
      }
      return "if-none-match".equalsIgnoreCase(name) || "if-modified-since".equalsIgnoreCase(name)
          ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      String v = getHeader(name);
      if ("accept".equalsIgnoreCase(name) || "if-none-match".equalsIgnoreCase(name)
          || "if-modified-since".equalsIgnoreCase(name)) {
        return Collections.enumeration(v == null ? List.of() : List.of(v));
      }
      return super.getHeaders(name);
    }

    @Override
    public long getDateHeader(String name) {
      return "if-modified-since".equalsIgnoreCase(name) ? -1 : super.getDateHeader(name);
    }
  }
}
