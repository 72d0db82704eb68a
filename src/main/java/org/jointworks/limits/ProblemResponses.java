package org.jointworks.limits;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jointworks.system.ApiException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a refusal as problem+json from a servlet filter, where Spring MVC's exception handler
 * does not run: the same members as the handler's ({@code type}, {@code title}, {@code status},
 * {@code detail}, {@code instance}, {@code code}, {@code args}). Thread-safe.
 */
final class ProblemResponses {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemResponses() {}

  static void write(HttpServletRequest request, HttpServletResponse response, ApiException e)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", e.status().getReasonPhrase());
    body.put("status", e.status().value());
    body.put("detail", e.getMessage());
    body.put("instance", request.getRequestURI());
    body.put("code", e.code());
    if (!e.args().isEmpty()) {
      body.put("args", e.args());
    }
    response.resetBuffer();
    response.setStatus(e.status().value());
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    // The rest of a refused body is not read: the client must not send another request on it.
    response.setHeader("Connection", "close");
    response.getOutputStream().write(JSON.writeValueAsBytes(body));
    response.flushBuffer();
  }
}
