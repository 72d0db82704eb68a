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

  /** The body as JSON text; {@code args} may be empty. */
  public static String body(int status, String code, String detail, Map<String, ?> args) {
    Map<String, Object> body = new LinkedHashMap<>();
    HttpStatus known = HttpStatus.resolve(status);
    body.put("type", "about:blank");
    body.put("title", known == null ? "Error" : known.getReasonPhrase());
    body.put("status", status);
    body.put("detail", detail);
    body.put("code", code);
    if (args != null && !args.isEmpty()) {
      body.put("args", args);
    }
    return JSON.writeValueAsString(body);
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
    res.getWriter().write(body(status, code, detail, args));
    res.getWriter().flush();
  }
}
