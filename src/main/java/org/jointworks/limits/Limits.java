package org.jointworks.limits;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jointworks.system.ApiException;
import org.springframework.http.HttpStatus;

/**
 * The limits in force in this JVM and the one way to refuse an input over one of them.
 *
 * <p>The limits are held statically because the Spring-free readers ({@code geo},
 * {@code files}) check them deep inside parsing, where passing a settings object through
 * every caller would touch a dozen signatures for one number. {@link LimitsConfiguration} sets
 * them once at start-up; until then (tests without Spring, benchmarks) the defaults hold. The
 * field is volatile, so every thread sees the configured values. One setting per JVM: two
 * application contexts in one JVM with different limits would share the last one set.
 */
public final class Limits {
  private static volatile InputLimits current = InputLimits.DEFAULTS;

  private Limits() {}

  public static InputLimits current() {
    return current;
  }

  static void use(InputLimits limits) {
    current = limits;
  }

  /**
   * A refusal of an input over a limit: {@code code} is {@code limit.<name>}, and the
   * arguments hold {@code limit} (the setting's value) and whatever else says where.
   * Size limits of the body answer 413; every other limit 400.
   */
  public static ApiException exceeded(String name, long limit, String message,
      Map<String, ?> more) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("limit", limit);
    if (more != null) {
      args.putAll(more);
    }
    HttpStatus status = name.equals("body_size") ? HttpStatus.CONTENT_TOO_LARGE
        : HttpStatus.BAD_REQUEST;
    return ApiException.of(status, "limit." + name, message, args);
  }

  public static ApiException exceeded(String name, long limit, String message) {
    return exceeded(name, limit, message, null);
  }
}
