package org.jointworks.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers of the sign-in form and of sign-out. The sign-in page posts with {@code fetch}
 * (marked {@code X-Requested-With}) and gets JSON: who signed in and whether a new password must
 * be chosen first; a plain form post is redirected to the map (or to the password page).
 * Failures are answered by {@link SecurityRefusals}. Thread-safe (stateless).
 */
final class FormSignIn {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private FormSignIn() {}

  static void succeeded(HttpServletRequest req, HttpServletResponse res, Authentication auth)
      throws IOException {
    boolean mustChange = auth.getPrincipal() instanceof JointWorksUser u && u.mustChangePassword();
    if (!SecurityRefusals.fromPage(req)) {
      res.sendRedirect(req.getContextPath() + (mustChange ? "/account.html" : "/"));
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", auth.getName());
    body.put("mustChangePassword", mustChange);
    res.setStatus(200);
    res.setContentType("application/json");
    res.setCharacterEncoding(StandardCharsets.UTF_8.name());
    res.getWriter().write(JSON.writeValueAsString(body));
  }

  static void signedOut(HttpServletRequest req, HttpServletResponse res, Authentication auth)
      throws IOException {
    if (SecurityRefusals.fromPage(req)) {
      res.setStatus(204);
    } else {
      res.sendRedirect(req.getContextPath() + "/");
    }
  }
}
