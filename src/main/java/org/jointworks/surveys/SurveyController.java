package org.jointworks.surveys;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.jointworks.geo.Crs;
import org.jointworks.layers.Layer;
import org.jointworks.layers.Vocabulary;
import org.jointworks.system.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The survey deliverable over HTTP (docs/surveys.md). The upload of the preview and the import is
 * the body, whatever its Content-Type ({@link SurveyUpload}); options are query parameters (or
 * form fields of a multipart body): {@code crs} (the projected CRS of X/Y, default EPSG:4547),
 * {@code mapping} (JSON {@code {"points":{field:header},"lines":{field:header}}}), {@code owner}
 * and {@code utility} (for rows that name none).
 *
 * <ul>
 *   <li>{@code POST /api/surveys/preview}: reads, maps and links; stores nothing.
 *   <li>{@code POST /api/surveys/import}: stores both layers, all or nothing.
 *   <li>{@code GET /api/surveys/export?format=xlsx|csv&table=points|lines}: the tables back.
 * </ul>
 */
@RestController
class SurveyController {
  private static final MediaType XLSX = MediaType.parseMediaType(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

  private final SurveyImportService imports;
  private final SurveyRepository surveys;
  private final ObjectMapper json;

  SurveyController(SurveyImportService imports, SurveyRepository surveys, ObjectMapper json) {
    this.imports = imports;
    this.surveys = surveys;
    this.json = json;
  }

  // The uploads' options are read by SurveyParameters, never by @RequestParam: that would parse
  // a raw workbook sent as a form (curl's default type) as form fields.
  @PostMapping("/api/surveys/preview")
  Map<String, Object> preview(HttpServletRequest request) throws IOException {
    SurveyParameters p = SurveyParameters.of(request);
    checkCrs(p.crs());
    Map<String, Map<String, String>> chosen = mapping(p.mapping());
    SurveyTable[] tables = SurveyUpload.read(request);
    return SurveyPreview.of(tables[0], tables[1], p.crs(), chosen);
  }

  @PostMapping("/api/surveys/import")
  Map<String, Object> importSurvey(HttpServletRequest request) throws IOException {
    SurveyParameters p = SurveyParameters.of(request);
    checkCrs(p.crs());
    Map<String, Map<String, String>> chosen = mapping(p.mapping());
    SurveyTable[] tables = SurveyUpload.read(request);
    return imports.importSurvey(new SurveyImportService.Request(tables[0], tables[1], p.crs(),
        chosen, p.owner(), p.utility()));
  }

  @GetMapping("/api/surveys/export")
  ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "xlsx") String format,
      @RequestParam(required = false) String table, @RequestParam(defaultValue = "4547") int crs,
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String utility) {
    checkCrs(crs);
    if (utility != null && !Vocabulary.UTILITIES.contains(utility)) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "survey.utility",
          "unknown utility", Map.of("utility", utility));
    }
    SurveyExport.Source source = (t, sink) -> surveys.forEach(
        t == SurveyColumns.POINTS ? Layer.PIPE_POINTS : Layer.PIPELINES, blank(owner),
        blank(utility), f -> sink.accept(SurveyExport.row(t, f, crs)));
    if (format.equals("xlsx")) {
      return file("survey.xlsx", XLSX, out -> SurveyExport.xlsx(source, out));
    }
    if (!format.equals("csv")) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "survey.format",
          "a survey table is xlsx or csv", Map.of("format", format));
    }
    SurveyColumns t = "points".equals(table) ? SurveyColumns.POINTS
        : "lines".equals(table) ? SurveyColumns.LINES : null;
    if (t == null) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "survey.table",
          "a CSV export is one table: table=points or table=lines",
          Map.of("table", String.valueOf(table)));
    }
    return file("survey-" + t.table() + ".csv", CSV, out -> SurveyExport.csv(source, t, out));
  }

  private static ResponseEntity<StreamingResponseBody> file(String name, MediaType type,
      StreamingResponseBody body) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .body(body);
  }

  private Map<String, Map<String, String>> mapping(String text) {
    if (text == null || text.isBlank()) {
      return Map.of();
    }
    try {
      Map<String, Map<String, String>> m = json.readValue(text,
          new TypeReference<Map<String, Map<String, String>>>() {});
      for (String table : m.keySet()) {
        if (!table.equals("points") && !table.equals("lines")) {
          throw new IllegalArgumentException(table);
        }
      }
      return m;
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "survey.mapping",
          "mapping is a JSON object {\"points\": {field: header}, \"lines\": {field: header}}",
          Map.of());
    }
  }

  private static void checkCrs(int crs) {
    if (crs == Crs.LONLAT || crs == Crs.CRS84 || !Crs.isKnown(crs)) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "survey.crs",
          "the survey's X/Y need a known projected CRS (EPSG:4547 for the city)",
          Map.of("crs", crs));
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
