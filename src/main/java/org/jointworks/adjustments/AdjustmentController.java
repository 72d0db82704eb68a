package org.jointworks.adjustments;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/adjustments/check} (metric by metric, changes nothing),
 * {@code POST /api/adjustments} (applies one that holds), {@code GET /api/adjustments} (those
 * applied) and {@code GET /api/adjustments/plans} (each county's original plan beside its plan
 * now).
 */
@RestController
class AdjustmentController {
  private final AdjustmentService service;

  AdjustmentController(AdjustmentService service) {
    this.service = service;
  }

  @PostMapping("/api/adjustments/check")
  AdjustmentService.Check check(@RequestBody AdjustmentService.AdjustmentInput body) {
    return service.check(body);
  }

  @PostMapping("/api/adjustments")
  @ResponseStatus(HttpStatus.CREATED)
  Adjustment apply(@RequestBody AdjustmentService.AdjustmentInput body) {
    return service.apply(body);
  }

  @GetMapping("/api/adjustments")
  List<Adjustment> list() {
    return service.all();
  }

  @GetMapping("/api/adjustments/plans")
  List<AdjustmentService.PlanComparison> plans() {
    return service.plans();
  }
}
