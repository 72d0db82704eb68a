package org.jointworks.system;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who is signed in, with which role and organisation (for the map page). */
@RestController
class MeController {
  @GetMapping("/api/me")
  Map<String, Object> me() {
    JointWorksUser user = JointWorksUser.current()
        .orElseThrow(() -> new ApiException(org.springframework.http.HttpStatus.UNAUTHORIZED,
            "sign in to do this"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", user.getUsername());
    body.put("role", user.role().name());
    if (user.organisation() != null) {
      body.put("organisation", user.organisation());
    }
    return body;
  }
}
