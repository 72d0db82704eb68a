package org.jointworks.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem-details body (RFC 9457) straight onto a servlet response, for the places that
 * answer before Spring MVC: the security filters, the container's error valve, the error page.
 * The body has the same members as {@link ApiExceptionHandler}'s ({@code type}, {@code title},
 * {@code status}, {@code detail}, {@code code}, {@code args}), so a client reads every refusal
 * the same way whoever wrote it. Thread-safe (stateless).
 */
public final class ProblemResponses {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemResponses() {}

  private static final java.util.regex.Pattern CLASS_NAME = java.util.regex.Pattern.compile(
      "`?\\b(?:java|javax|jakarta|org|com|tools|sun)\\.[A-Za-z0-9_.$]+`?");
  private static final String TEMP_DIR = tempDir();

  /**
   * A detail without server internals: a server file under the temporary folder keeps only its
   * own name and a Java class name becomes {@code <type>}. The safety net under every
   * writer; the writers should not put them there in the first place.
   */
  public static String scrub(String detail) {
    if (detail == null) {
      return null;
    }
    String s = detail;
    if (!TEMP_DIR.isEmpty()) {
      // Keep the file's own name (it names the part of an upload at fault), drop the folders.
      s = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(TEMP_DIR)
          + "[^\\s'\",;)]*").matcher(s).replaceAll(m -> java.util.regex.Matcher
          .quoteReplacement(m.group().substring(m.group().lastIndexOf('/') + 1)));
    }
    return CLASS_NAME.matcher(s).replaceAll("<type>");
  }

  private static String tempDir() {
    String dir = System.getProperty("java.io.tmpdir", "");
    while (dir.endsWith("/") && dir.length() > 1) {
      dir = dir.substring(0, dir.length() - 1);
    }
    return dir.length() > 1 ? dir : "";
  }

  /** The body as JSON text; {@code args} may be empty. */
  public static String body(int status, String code, String detail, Map<String, ?> args) {
    Map<String, Object> body = new LinkedHashMap<>();
    HttpStatus known = HttpStatus.resolve(status);
    body.put("type", "about:blank");
    body.put("title", known == null ? "Error" : known.getReasonPhrase());
    body.put("status", status);
    body.put("detail", scrub(detail));
    body.put("code", code);
    if (args != null && !args.isEmpty()) {
      body.put("args", args);
    }
    return JSON.writeValueAsString(body);
  }

  /** Writes a refusal made before Spring MVC (a filter's), with its code and arguments. */
  public static void write(HttpServletResponse res, ApiException e) throws IOException {
    write(res, e.status().value(), e.code(), e.getMessage(), e.args());
  }

  /** Sets the status and writes the body, unless the response is already committed. */
  public static void write(HttpServletResponse res, int status, String code, String detail,
      Map<String, ?> args) throws IOException {
    if (res.isCommitted()) {
      return;
    }
    res.setStatus(status);
    res.setContentType("application/problem+json");
    res.setCharacterEncoding(StandardCharsets.UTF_8.name());
    // No flush: the container finishes the answer, so a later valve may still add headers
    // (limits/RefusedBodies closes the connection of a refused request whose body is unread).
    res.getWriter().write(body(status, code, detail, args));
  }
}
