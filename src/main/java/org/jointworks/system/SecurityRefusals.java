package org.jointworks.system;

import java.io.IOException;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Every refusal the security chain writes, as problem+json with its stable code:
 * {@code auth.required} (no credentials), {@code auth.bad_credentials} (wrong user name or
 * password — never saying which), {@code auth.throttled} (429 with {@code Retry-After}),
 * {@code auth.csrf} (a session request without its token), {@code auth.forbidden} (the role may
 * not) and {@code request.bad_path} (the firewall refused the path). Thread-safe (stateless).
 */
final class SecurityRefusals {
  private SecurityRefusals() {}

  /** The page's own requests: no Basic challenge, so the browser shows no password dialog. */
  static boolean fromPage(HttpServletRequest req) {
    return "XMLHttpRequest".equals(req.getHeader("X-Requested-With"));
  }

  /**
   * 401 or 429 for API callers; a browser navigating to a page that needs a sign-in is sent to
   * the sign-in form instead.
   */
  static AuthenticationEntryPoint entryPoint() {
    return (req, res, ex) -> {
      if (!SecurityConfig.API.matches(req) && !fromPage(req) && acceptsHtml(req)
          && "GET".equals(req.getMethod())) {
        res.sendRedirect(req.getContextPath() + "/login.html");
        return;
      }
      authenticationFailed(req, res, ex, !fromPage(req));
    };
  }

  /** Writes the answer to a failed or missing sign-in. */
  static void authenticationFailed(HttpServletRequest req, HttpServletResponse res,
      AuthenticationException ex, boolean challenge) throws IOException {
    if (ex instanceof TooManySignInsException t) {
      res.setHeader("Retry-After", Long.toString(t.retryAfterSeconds()));
      ProblemResponses.write(res, 429, "auth.throttled",
          "too many failed sign-ins; try again in " + t.retryAfterSeconds() + " s",
          Map.of("retryAfterSeconds", t.retryAfterSeconds()));
      return;
    }
    if (challenge) {
      res.setHeader("WWW-Authenticate", "Basic realm=\"JointWorks\"");
    }
    if (ex instanceof BadCredentialsException) {
      ProblemResponses.write(res, 401, "auth.bad_credentials",
          "the user name or the password is wrong", Map.of());
    } else {
      ProblemResponses.write(res, 401, "auth.required", "sign in to do this", Map.of());
    }
  }

  static AccessDeniedHandler accessDenied() {
    return (req, res, ex) -> denied(res, ex);
  }

  static void denied(HttpServletResponse res, AccessDeniedException ex) throws IOException {
    if (ex instanceof CsrfException) {
      ProblemResponses.write(res, 403, "auth.csrf",
          "the request rides a session cookie but lacks a valid CSRF token"
              + " (send the XSRF-TOKEN cookie's value as X-XSRF-TOKEN)", Map.of());
    } else {
      ProblemResponses.write(res, 403, "auth.forbidden", "your role may not do this", Map.of());
    }
  }

  static RequestRejectedHandler rejected() {
    return (req, res, ex) -> {
      // The firewall's message names the offending part; only its kind is passed on.
      boolean method = ex.getMessage() != null && ex.getMessage().contains("HTTP method");
      ProblemResponses.write(res, 400, method ? "request.method" : "request.bad_path",
          method ? "the request's method is not one this service answers"
              : "the request's path contains a character or sequence that is not allowed",
          Map.of());
    };
  }

  private static boolean acceptsHtml(HttpServletRequest req) {
    String accept = req.getHeader("Accept");
    return accept != null && accept.contains("text/html");
  }
}
