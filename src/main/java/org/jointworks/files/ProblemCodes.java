package org.jointworks.files;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stable code for each per-feature problem of a preview, so the map lists them in the user's
 * language. The layer's reader ({@code layers.FeatureReader}) says its problems as
 * {@code "field: sentence"}; the sentences are few and fixed, and this is the one place that
 * reads them (kept here rather than changing the reader's contract, which the GeoJSON import,
 * the OGC API and the fuzz tests share). An unrecognised sentence gets {@code invalid} and keeps
 * its text. Stateless.
 */
final class ProblemCodes {
  private static final Pattern FIELD = Pattern.compile("^([a-z_0-9]+): (.*)$", Pattern.DOTALL);

  private ProblemCodes() {}

  /** {@code {field, code, message}} of one problem sentence. */
  static Map<String, Object> of(String problem) {
    Matcher m = FIELD.matcher(problem);
    String field = m.matches() ? m.group(1) : null;
    String rest = m.matches() ? m.group(2) : problem;
    Map<String, Object> out = new LinkedHashMap<>();
    if (field != null) {
      out.put("field", field);
    }
    out.put("code", code(field, rest));
    out.put("message", problem);
    return out;
  }

  private static String code(String field, String rest) {
    if ("geometry".equals(field)) {
      if (rest.startsWith("missing")) {
        return "geometry.missing";
      }
      return rest.contains("is not accepted") ? "geometry.kind" : "geometry.invalid";
    }
    if (rest.equals("required")) {
      return "required";
    }
    if (rest.startsWith("unknown district")) {
      return "unknown_district";
    }
    if (rest.startsWith("unknown organisation")) {
      return "unknown_organisation";
    }
    if (rest.startsWith("unknown value")) {
      return "unknown_value";
    }
    if (rest.startsWith("longer than")) {
      return "too_long";
    }
    if (rest.startsWith("must be a date") || rest.startsWith("must lie in the years")) {
      return "date";
    }
    if (rest.startsWith("must be a")) {
      return "type";
    }
    if (rest.startsWith("must not be negative") || rest.startsWith("must be at")
        || rest.contains("between")) {
      return "range";
    }
    if (rest.contains(" is before ")) {
      return "end_before_start";
    }
    if (rest.contains("appears twice")) {
      return "duplicate";
    }
    return "invalid";
  }
}
