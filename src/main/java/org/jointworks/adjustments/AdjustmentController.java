package org.jointworks.adjustments;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/adjustments/check} (metric by metric, changes nothing),
 * {@code POST /api/adjustments} (the county files one that holds; nothing changes yet),
 * {@code POST /api/adjustments/{id}/approve} and {@code .../refuse} (the city office's decision;
 * approval applies it), {@code GET /api/adjustments} (all, with their state) and {@code GET /api/adjustments/plans} (each county's original plan beside its plan
 * now).
 */
@RestController
class AdjustmentController {
  private final AdjustmentService service;
  private final AdjustmentDecisions decisions;

  AdjustmentController(AdjustmentService service, AdjustmentDecisions decisions) {
    this.service = service;
    this.decisions = decisions;
  }

  @PostMapping("/api/adjustments/check")
  AdjustmentService.Check check(@RequestBody AdjustmentService.AdjustmentInput body) {
    return service.check(body);
  }

  @PostMapping("/api/adjustments")
  @ResponseStatus(HttpStatus.CREATED)
  Adjustment file(@RequestBody AdjustmentService.AdjustmentInput body) {
    return service.file(body);
  }

  @PostMapping("/api/adjustments/{id}/approve")
  Adjustment approve(@PathVariable long id,
      @RequestBody(required = false) AdjustmentDecisions.DecisionInput body) {
    return decisions.approve(id, body);
  }

  @PostMapping("/api/adjustments/{id}/refuse")
  Adjustment refuse(@PathVariable long id,
      @RequestBody(required = false) AdjustmentDecisions.DecisionInput body) {
    return decisions.refuse(id, body);
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
