package org.jointworks.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into a problem-details body (RFC 9457) with a message a user can act on
 * and a stable {@code code}. Stack traces and SQL stay in the log; the client sees the status and
 * the reason only, with server files and class names scrubbed ({@link ProblemResponses#scrub}).
 * The refusals written before Spring MVC (security chain, error page, Tomcat's valve) go through
 * {@link ProblemResponses} with the same members.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(e.status(),
        ProblemResponses.scrub(e.getMessage()));
    body.setProperty("code", e.code());
    if (!e.args().isEmpty()) {
      body.setProperty("args", e.args());
    }
    if (!e.errors().isEmpty()) {
      body.setProperty("errors", e.errors());
    }
    e.extra().forEach(body::setProperty);
    return ResponseEntity.status(e.status()).body(body);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    return problem(HttpStatus.BAD_REQUEST,
        "parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'");
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
    LOG.info("integrity violation: {}", e.getMostSpecificCause().getMessage());
    if (dataException(e)) {
      // SQLSTATE class 22: the value itself, not the stored data (PostgreSQL refuses U+0000 in
      // every text; a value past its column's size). The client's input, so a 400.
      return problem(HttpStatus.BAD_REQUEST, "a value cannot be stored as sent (a text holding"
          + " the character U+0000, or a value too large for its field)");
    }
    return problem(HttpStatus.CONFLICT,
        "the change conflicts with stored data (a duplicate key or a missing reference)");
  }

  private static boolean dataException(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.sql.SQLException s && s.getSQLState() != null
          && s.getSQLState().startsWith("22")) {
        return true;
      }
    }
    return false;
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
    return problem(HttpStatus.FORBIDDEN, "you may not do this");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    LOG.error("unexpected failure", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR,
        "an unexpected error occurred; it has been logged");
  }

  /** Spring's own MVC exceptions keep their status, with the detail Spring writes for them. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (body == null) {
      body = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
    }
    if (body instanceof ProblemDetail p) {
      if (p.getProperties() == null || !p.getProperties().containsKey("code")) {
        HttpStatus known = HttpStatus.resolve(status.value());
        p.setProperty("code", known == null ? "request.invalid" : ApiException.defaultCode(known));
      }
      // Spring's own details may quote a parser's message naming the target class.
      p.setDetail(ProblemResponses.scrub(p.getDetail()));
      // The instance is the request path; a client knows it, and it is no server file.
    }
    return super.handleExceptionInternal(ex, body, headers, status, request);
  }

  static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setProperty("code", ApiException.defaultCode(status));
    return ResponseEntity.status(status).body(body);
  }
}
