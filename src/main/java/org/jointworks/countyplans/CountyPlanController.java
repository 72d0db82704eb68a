package org.jointworks.countyplans;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/county-plans} (the filed plans with their baselines),
 * {@code POST /api/county-plans} (a county files its plan) and
 * {@code POST /api/county-plans/{id}/approval} (the city office approves it).
 */
@RestController
class CountyPlanController {
  private final CountyPlanService service;

  CountyPlanController(CountyPlanService service) {
    this.service = service;
  }

  @GetMapping("/api/county-plans")
  List<CountyPlan> list() {
    return service.all();
  }

  @PostMapping("/api/county-plans")
  @ResponseStatus(HttpStatus.CREATED)
  CountyPlan file(@RequestBody CountyPlanService.FilingInput body) {
    return service.file(body);
  }

  @PostMapping("/api/county-plans/{id}/approval")
  CountyPlan approve(@PathVariable long id) {
    return service.approve(id);
  }
}
