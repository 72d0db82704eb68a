package org.jointworks.signin;

import java.util.List;
import java.util.Map;
import org.jointworks.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/sign-ins?user=&limit=}: the newest sign-in attempts, for ADMIN. */
@RestController
class SignInController {
  static final int MAX_LIMIT = 1000;
  private final SignInLog log;

  SignInController(SignInLog log) {
    this.log = log;
  }

  @GetMapping("/api/sign-ins")
  List<SignInLog.Entry> newest(@RequestParam(required = false) String user,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "request.limit",
          "limit must be between 1 and " + MAX_LIMIT, Map.of("max", MAX_LIMIT));
    }
    return log.newest(user == null || user.isBlank() ? null : user, limit);
  }
}
