package org.jointworks.system;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure the client can act on. The handler turns it into a problem-details body with this
 * status and message; {@code errors} lists per-item problems (for example each bad feature of an
 * import), {@code extra} adds named members (for example the figures behind a refusal).
 */
public class ApiException extends RuntimeException {
  private final HttpStatus status;
  private final transient List<?> errors;
  private final transient Map<String, ?> extra;

  public ApiException(HttpStatus status, String message, List<?> errors, Map<String, ?> extra) {
    super(message);
    this.status = status;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
    this.extra = extra == null ? Map.of() : Map.copyOf(extra);
  }

  public ApiException(HttpStatus status, String message) {
    this(status, message, null, null);
  }

  public static ApiException notFound(String what) {
    return new ApiException(HttpStatus.NOT_FOUND, what + " not found");
  }

  public static ApiException badRequest(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, message);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(HttpStatus.FORBIDDEN, message);
  }

  public static ApiException conflict(String message) {
    return new ApiException(HttpStatus.CONFLICT, message);
  }

  public static ApiException unprocessable(String message, List<?> errors) {
    return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, message, errors, null);
  }

  public HttpStatus status() {
    return status;
  }

  public List<?> errors() {
    return errors;
  }

  public Map<String, ?> extra() {
    return extra;
  }
}
