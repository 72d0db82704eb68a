package org.jointworks.system;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: who is signed in, with which role, organisation and county, and whether a
 * new password must be chosen first (read live, not from the session).
 */
@RestController
class MeController {
  private final UserStore users;

  MeController(UserStore users) {
    this.users = users;
  }

  @GetMapping("/api/me")
  Map<String, Object> me() {
    JointWorksUser user = JointWorksUser.current().orElseThrow(() -> ApiException.of(
        HttpStatus.UNAUTHORIZED, "auth.required", "sign in to do this", Map.of()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", user.getUsername());
    body.put("role", user.role().name());
    if (user.organisation() != null) {
      body.put("organisation", user.organisation());
    }
    if (user.county() != null) {
      body.put("county", user.county());
    }
    body.put("mustChangePassword", users.state(user.getUsername())
        .map(UserStore.AccountState::mustChangePassword).orElse(false));
    return body;
  }
}
