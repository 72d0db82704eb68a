package org.jointworks.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure the client can act on. The handler turns it into a problem-details body with this
 * status and message; {@code errors} lists per-item problems (for example each bad feature of an
 * import), {@code extra} adds named members (for example the figures behind a refusal).
 *
 * <p>Every refusal carries a stable machine {@code code} (e.g. {@code limit.body_size},
 * {@code geometry.self_intersection}, {@code auth.csrf}) and the arguments its message was built
 * from, so the map translates the code and never an English sentence. Where a caller names no
 * code, one is derived from the status ({@link #defaultCode}); new refusals should name theirs.
 */
public class ApiException extends RuntimeException {
  private final HttpStatus status;
  private final String code;
  private final transient Map<String, ?> args;
  private final transient List<?> errors;
  private final transient Map<String, ?> extra;

  public ApiException(HttpStatus status, String code, String message, Map<String, ?> args,
      List<?> errors, Map<String, ?> extra) {
    super(message);
    this.status = status;
    this.code = code == null ? defaultCode(status) : code;
    this.args = args == null ? Map.of() : unmodifiableCopy(args);
    this.errors = errors == null ? List.of() : List.copyOf(errors);
    this.extra = extra == null ? Map.of() : Map.copyOf(extra);
  }

  public ApiException(HttpStatus status, String message, List<?> errors, Map<String, ?> extra) {
    this(status, null, message, null, errors, extra);
  }

  public ApiException(HttpStatus status, String message) {
    this(status, null, message, null, null, null);
  }

  /** A refusal with its code and the arguments the map needs to say it in the user's language. */
  public static ApiException of(HttpStatus status, String code, String message,
      Map<String, ?> args) {
    return new ApiException(status, code, message, args, null, null);
  }

  public static ApiException notFound(String what) {
    return new ApiException(HttpStatus.NOT_FOUND, "not_found", what + " not found",
        Map.of("what", what), null, null);
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

  /** The code of a refusal that names none: one per status, so a client can still branch on it. */
  public static String defaultCode(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "request.invalid";
      case UNAUTHORIZED -> "auth.required";
      case FORBIDDEN -> "auth.forbidden";
      case NOT_FOUND -> "not_found";
      case METHOD_NOT_ALLOWED -> "request.method";
      case NOT_ACCEPTABLE -> "request.not_acceptable";
      case CONFLICT -> "conflict";
      case PRECONDITION_FAILED -> "precondition.failed";
      case PRECONDITION_REQUIRED -> "precondition.required";
      case CONTENT_TOO_LARGE -> "limit.body_size";
      case UNSUPPORTED_MEDIA_TYPE -> "request.media_type";
      case UNPROCESSABLE_CONTENT -> "validation.failed";
      case TOO_MANY_REQUESTS -> "limit.rate";
      case SERVICE_UNAVAILABLE -> "unavailable";
      default -> status.is5xxServerError() ? "internal" : "request.invalid";
    };
  }

  private static Map<String, ?> unmodifiableCopy(Map<String, ?> args) {
    // Map.copyOf refuses null values; an argument may legitimately be absent.
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, ?> args() {
    return args;
  }

  public List<?> errors() {
    return errors;
  }

  public Map<String, ?> extra() {
    return extra;
  }
}
