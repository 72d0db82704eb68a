package org.jointworks.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stable code and arguments for each per-feature problem, so the map lists them in the user's
 * language: the file preview ({@code files.FilesService}) and a failed import (its 422/403 body and
 * its job's error, {@link ImportService.BadFeature}) use the same codes where the same check
 * fails (decision 83). The layer's reader ({@link FeatureReader}) says its problems as
 * {@code "field: sentence"}; the sentences are few and fixed, and this is the one place that
 * reads them (kept here rather than changing the reader's contract, which the GeoJSON import,
 * the OGC API and the fuzz tests share). An unrecognised sentence gets {@code invalid} and keeps
 * its text. Stateless.
 */
public final class FeatureProblems {
  private static final Pattern FIELD = Pattern.compile("^([a-z_0-9]+): (.*)$", Pattern.DOTALL);
  /** The value a sentence quotes first ({@code unknown district 'x'}), an argument. */
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

  private FeatureProblems() {}

  /** {@code {field, code, args, message}} of each problem sentence. */
  public static List<Map<String, Object>> of(List<String> problems) {
    return problems.stream().map(FeatureProblems::of).toList();
  }

  /** {@code {field, code, args, message}} of one problem sentence. */
  public static Map<String, Object> of(String problem) {
    Matcher m = FIELD.matcher(problem);
    String field = m.matches() ? m.group(1) : null;
    String rest = m.matches() ? m.group(2) : problem;
    return coded(field, code(field, rest), rest, problem);
  }

  /**
   * A problem a write rule raised ({@code ApiException} code and arguments): its own code, which
   * the map translates from its {@code error.*} messages.
   */
  public static Map<String, Object> ofRule(String code, Map<String, ?> args, String message) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("code", code);
    out.put("args", args == null ? Map.of() : args);
    out.put("message", message);
    return out;
  }

  /** A feature whose owner is not the importing user's organisation. */
  static Map<String, Object> notYours(String owner, String organisation) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("field", "owner");
    args.put("value", owner);
    args.put("organisation", organisation);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("field", "owner");
    out.put("code", "not_yours");
    out.put("args", args);
    out.put("message", "owner: '" + owner + "' is not your organisation '" + organisation + "'");
    return out;
  }

  private static Map<String, Object> coded(String field, String code, String rest,
      String problem) {
    Map<String, Object> args = new LinkedHashMap<>();
    if (field != null) {
      args.put("field", field);
    }
    Matcher q = QUOTED.matcher(rest);
    if (q.find()) {
      args.put("value", q.group(1));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (field != null) {
      out.put("field", field);
    }
    out.put("code", code);
    out.put("args", args);
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
