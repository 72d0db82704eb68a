package org.jointworks.surveys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The column-mapping preview of a survey deliverable as the importer shows it before anything
 * is stored: per table its headers, which column feeds which field, the unmatched columns, the
 * missing required fields, the first rows as read and the row count; then every row error of
 * linking lines to points, and whether the deliverable would import. Stateless.
 */
final class SurveyPreview {
  static final int SAMPLE_ROWS = 5;

  private SurveyPreview() {}

  static Map<String, Object> of(SurveyTable points, SurveyTable lines, int crsEpsg) {
    return of(points, lines, crsEpsg, Map.of());
  }

  /** As {@link #of(SurveyTable, SurveyTable, int)}, with the client's field → header choices. */
  static Map<String, Object> of(SurveyTable points, SurveyTable lines, int crsEpsg,
      Map<String, Map<String, String>> mappings) {
    SurveyColumns.Mapping pm = SurveyColumns.POINTS.map(points.headers(), mappings.get("points"));
    SurveyColumns.Mapping lm = SurveyColumns.LINES.map(lines.headers(), mappings.get("lines"));
    SurveyLinker.Linked linked = SurveyLinker.link(points, lines, crsEpsg, pm, lm);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("crs", "EPSG:" + crsEpsg);
    out.put("points", table(points, pm));
    out.put("lines", table(lines, lm));
    out.put("errors", SurveyImportService.listed(linked.errors()));
    out.put("errorCount", linked.errors().size());
    out.put("importable", linked.ok());
    out.put("pointCount", linked.ok() ? linked.points().size() : 0);
    out.put("lineCount", linked.ok() ? linked.lines().size() : 0);
    return out;
  }

  private static Map<String, Object> table(SurveyTable t, SurveyColumns.Mapping m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("headers", t.headers());
    out.put("mapping", m.columns());
    // The same choice by header, the form the import's mapping parameter takes.
    out.put("fields", SurveyImportService.headers(m, t));
    out.put("unmatched", m.unmatched());
    out.put("missing", m.missing());
    out.put("sample", t.rows().subList(0, Math.min(SAMPLE_ROWS, t.rows().size())));
    out.put("rows", t.rows().size());
    return out;
  }
}
