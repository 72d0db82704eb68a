package org.jointworks.limits;

import org.jointworks.system.ApiException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.JsonNodeException;

/**
 * A request body Spring could not convert. Before the general handler sees it, this names what
 * was wrong in the project's words: a broken limit ({@code limit.json_depth},
 * {@code limit.body_size}, …) or {@code request.json} with the member at fault, and never
 * Jackson's message (which names Java classes). The body has the members the general handler
 * writes for an {@link ApiException} (a handler's own exception would not reach it).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyErrors {

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    return problem(refusal(e));
  }

  /**
   * A controller that read a member of a JSON tree as a type it does not hold (an object as a
   * text, {@code 1e308} as a whole number): the client's mistake, so 400, never 500.
   */
  @ExceptionHandler(JsonNodeException.class)
  ResponseEntity<ProblemDetail> wrongMember(JsonNodeException e) {
    return problem(JsonLimits.refusal(e));
  }

  private static ApiException refusal(HttpMessageNotReadableException e) {
    ApiException limit = JsonLimits.limitOf(e);
    if (limit != null) {
      return limit;
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof JacksonException j) {
        return JsonLimits.refusal(j);
      }
    }
    return ApiException.of(HttpStatus.BAD_REQUEST, "request.body",
        "the body is missing or cannot be read", java.util.Map.of());
  }

  /** The same body as the general handler writes for an {@link ApiException}. */
  static ResponseEntity<ProblemDetail> problem(ApiException e) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    body.setProperty("code", e.code());
    if (!e.args().isEmpty()) {
      body.setProperty("args", e.args());
    }
    return ResponseEntity.status(e.status()).body(body);
  }
}
