package org.jointworks.coordination;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.coordination.engine.ClearanceViolation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Pipelines laid closer than their minimum clearance, for signed-in users. */
@RestController
class ClearanceController {
  private final ClearanceService service;

  ClearanceController(ClearanceService service) {
    this.service = service;
  }

  @GetMapping("/api/pipelines/clearance-violations")
  Map<String, Object> violations(@RequestParam(required = false) String district) {
    String d = district == null || district.isBlank() ? null : district.trim();
    List<ClearanceViolation> found = service.violations(d);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("count", found.size());
    answer.put("placeholderRules", service.table().rules().stream()
        .filter(r -> r.placeholder()).count());
    answer.put("placeholderVerticalRules", service.verticalTable().rules().stream()
        .filter(r -> r.placeholder()).count());
    answer.put("violations", found);
    return answer;
  }
}
