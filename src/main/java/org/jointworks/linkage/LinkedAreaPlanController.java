package org.jointworks.linkage;

import org.jointworks.coordination.ConstructionPlanService;
import org.jointworks.coordination.engine.ConstructionPlan;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/linked-areas/{id}/construction-plan}: the coordinated construction plan of a
 * stored joint area, the same plan {@code POST /api/construction-plan} makes for a drawn polygon.
 * Signed-in users only (the rule is declared with the coordination endpoints).
 */
@RestController
class LinkedAreaPlanController {
  private final LinkedAreaService areas;
  private final ConstructionPlanService plans;

  LinkedAreaPlanController(LinkedAreaService areas, ConstructionPlanService plans) {
    this.areas = areas;
    this.plans = plans;
  }

  @GetMapping("/api/linked-areas/{id}/construction-plan")
  ConstructionPlan plan(@PathVariable long id) {
    return plans.plan(areas.get(id).geometry());
  }
}
