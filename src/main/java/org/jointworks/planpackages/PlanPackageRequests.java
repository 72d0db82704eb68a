package org.jointworks.planpackages;

import java.util.Map;
import org.jointworks.system.ApiException;
import org.springframework.http.HttpStatus;

/** The bodies of the plan-package endpoints, each validated where it enters. */
final class PlanPackageRequests {
  private PlanPackageRequests() {}

  static final int MAX_TEXT = 2000;

  /** {@code POST /api/plan-versions}: which plan to submit, with an optional note. */
  record NewVersion(String scope, String ref, String note) {
    NewVersion {
      if (scope == null || !PlanVersion.SCOPES.contains(scope)) {
        throw ApiException.of(HttpStatus.BAD_REQUEST, "plan_versions.scope",
            "scope must be 'linked_area' or 'county'", Map.of("scope", String.valueOf(scope)));
      }
      if (ref == null || ref.isBlank() || ref.length() > 64
          || scope.equals("linked_area") && !ref.strip().matches("[0-9]{1,18}")) {
        throw ApiException.of(HttpStatus.BAD_REQUEST, "plan_versions.ref",
            "ref must be a joint area's id (linked_area) or a district code (county)",
            Map.of("scope", scope));
      }
      ref = ref.strip();
      note = text(note);
    }
  }

  /** {@code POST /api/plan-versions/{id}/approve|refuse}: the authority's reason. */
  record Decision(String reason) {
    Decision {
      reason = text(reason);
    }
  }

  private static String text(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    if (s.length() > MAX_TEXT) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "plan_versions.text_too_long",
          "a note or reason has at most " + MAX_TEXT + " characters", Map.of("max", MAX_TEXT));
    }
    return s.strip();
  }
}
