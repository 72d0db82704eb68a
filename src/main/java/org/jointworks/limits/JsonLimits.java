package org.jointworks.limits;

import java.util.Map;
import org.jointworks.system.ApiException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Turns a JSON parser's failure into a refusal the client can act on, never into a 500 and
 * never with the parser's internals: a broken {@link tools.jackson.core.StreamReadConstraints}
 * becomes the {@code limit.*} it broke (with the setting's value); any other failure becomes
 * {@code request.json} with the line and column, and the member path when the parser knows it.
 * Jackson's own messages name Java types and the constraints' getters, so they are not passed
 * on. Stateless.
 */
public final class JsonLimits {
  private JsonLimits() {}

  /** The refusal for {@code e}: a limit, or malformed JSON at a place. */
  public static ApiException refusal(JacksonException e) {
    ApiException limit = limitOf(e);
    if (limit != null) {
      return limit;
    }
    StringBuilder where = new StringBuilder();
    TokenStreamLocation at = e.getLocation();
    Map<String, Object> args = new java.util.LinkedHashMap<>();
    if (at != null && at.getLineNr() > 0) {
      where.append(" at line ").append(at.getLineNr()).append(", column ")
          .append(at.getColumnNr());
      args.put("line", at.getLineNr());
      args.put("column", at.getColumnNr());
    }
    String path = path(e);
    if (!path.isEmpty()) {
      where.append(" (member ").append(path).append(')');
      args.put("member", path);
    }
    String what = e instanceof tools.jackson.databind.exc.MismatchedInputException
        || e instanceof tools.jackson.databind.DatabindException
        ? "a member has the wrong type or value" : "malformed JSON";
    return ApiException.of(org.springframework.http.HttpStatus.BAD_REQUEST, "request.json",
        "the body is not usable JSON: " + what + where, args);
  }

  /** The limit a parser failure broke, or null when it broke none. */
  static ApiException limitOf(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApiException api) {
        return api;
      }
      if (t instanceof StreamConstraintsException c) {
        InputLimits l = Limits.current();
        String m = String.valueOf(c.getOriginalMessage());
        if (m.contains("nesting depth")) {
          return Limits.exceeded("json_depth", l.jsonDepth(), "the JSON nests deeper than "
              + l.jsonDepth() + " levels");
        }
        if (m.startsWith("String value length")) {
          return Limits.exceeded("json_string", l.jsonStringChars(),
              "a JSON string is longer than " + l.jsonStringChars() + " characters");
        }
        if (m.startsWith("Name length")) {
          return Limits.exceeded("json_string", Math.min(l.jsonStringChars(), 50_000),
              "a JSON member name is too long");
        }
        if (m.startsWith("Number value length")) {
          return Limits.exceeded("json_number", 1000, "a JSON number has too many digits");
        }
        if (m.startsWith("Document length")) {
          return Limits.exceeded("body_size", Math.max(l.uploadBytes(), l.bodyBytes()),
              "the body is larger than the limit");
        }
        return ApiException.of(org.springframework.http.HttpStatus.BAD_REQUEST, "limit.json",
            "the JSON breaks a parser limit", Map.of());
      }
    }
    return null;
  }

  private static String path(JacksonException e) {
    StringBuilder out = new StringBuilder();
    for (JacksonException.Reference r : e.getPath()) {
      if (r.getPropertyName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        out.append('[').append(r.getIndex()).append(']');
      }
    }
    return out.toString();
  }
}
