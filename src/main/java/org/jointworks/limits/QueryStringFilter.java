package org.jointworks.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jointworks.system.ApiException;
import org.jointworks.system.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query string the container cannot decode — a {@code %} not followed by two hex
 * digits, or escapes that are not UTF-8 — with 400 {@code request.query_encoding}, before
 * anything asks for a parameter (Tomcat would otherwise drop or fail such parameters deep inside
 * a controller). Stateless.
 */
@Component
// After the request observation (system/EarlyAnswersFirst), so its refusals are observed.
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class QueryStringFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String query = request.getQueryString();
    int bad = query == null ? -1 : badEscape(query);
    if (bad >= 0) {
      ProblemResponses.write(response, ApiException.of(HttpStatus.BAD_REQUEST,
          "request.query_encoding", "the query string has a bad percent-encoding at character "
              + (bad + 1) + "; escape '%' as %25 and send UTF-8", Map.of("position", bad + 1)));
      return;
    }
    chain.doFilter(request, response);
  }

  /** The index of the first undecodable escape, or -1 when every escape is well formed. */
  static int badEscape(String query) {
    int start = -1;
    ByteBuffer bytes = ByteBuffer.allocate(query.length());
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '%') {
        if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0
            || Character.digit(query.charAt(i + 2), 16) < 0) {
          return i;
        }
        if (bytes.position() == 0) {
          start = i;
        }
        bytes.put((byte) Integer.parseInt(query.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        if (bytes.position() > 0 && !utf8(bytes)) {
          return start;
        }
        bytes.clear();
      }
    }
    return bytes.position() > 0 && !utf8(bytes) ? start : -1;
  }

  private static boolean utf8(ByteBuffer bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.array(), 0, bytes.position()));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
