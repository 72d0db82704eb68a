package org.jointworks.system;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks the signed-in account on every request, not only at sign-in, so that a session —
 * in this instance's memory or in a shared session store — cannot outlive a change to its
 * account: a disabled or deleted account, or one whose version moved (role, organisation,
 * county or password changed), ends the session at once with 401 {@code auth.session_ended}.
 * An account that must change its password may only read {@code /api/me} and change the
 * password until it does (403 {@code auth.password_change_required}).
 *
 * <p>The state comes from {@link UserStore#state}, cached for a few seconds across instances and
 * dropped at once on the instance that made the change. Thread-safe.
 */
final class LiveAccountCheck extends OncePerRequestFilter {
  private final UserStore users;

  LiveAccountCheck(UserStore users) {
    this.users = users;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res,
      FilterChain chain) throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof JointWorksUser user) {
      Optional<UserStore.AccountState> state = users.state(user.getUsername());
      if (state.isEmpty() || !state.get().enabled() || state.get().version() != user.version()) {
        HttpSession session = req.getSession(false);
        if (session != null) {
          session.invalidate();
        }
        SecurityContextHolder.clearContext();
        ProblemResponses.write(res, 401, "auth.session_ended",
            "the account was changed or disabled; sign in again", Map.of());
        return;
      }
      if (state.get().mustChangePassword() && !mayUseBeforePasswordChange(req)) {
        ProblemResponses.write(res, 403, "auth.password_change_required",
            "choose a new password first (POST /api/me/password)", Map.of());
        return;
      }
    }
    chain.doFilter(req, res);
  }

  /** Pages, scripts and the two endpoints of a password change; no data. */
  private static boolean mayUseBeforePasswordChange(HttpServletRequest req) {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    if (!SecurityConfig.API.matches(req)) {
      return true;
    }
    return path.equals("/api/me") || path.equals("/api/me/password");
  }
}
