package org.jointworks.planpackages;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The plan-package endpoints (HTTP only; {@link PlanPackageService} holds the use case). */
@RestController
class PlanPackageController {
  private final PlanPackageService service;

  PlanPackageController(PlanPackageService service) {
    this.service = service;
  }

  @PostMapping("/api/plan-versions")
  ResponseEntity<PlanVersion> submit(@RequestBody PlanPackageRequests.NewVersion body) {
    PlanVersion v = service.submit(body);
    return ResponseEntity.created(URI.create("/api/plan-versions/" + v.id())).body(v);
  }

  @GetMapping("/api/plan-versions")
  List<PlanVersion> list(@RequestParam(required = false) String scope,
      @RequestParam(required = false) String ref) {
    return service.list(scope, ref);
  }

  @GetMapping("/api/plan-versions/{id}")
  PlanVersion get(@PathVariable long id) {
    return service.get(id);
  }

  @PostMapping("/api/plan-versions/{id}/approve")
  PlanVersion approve(@PathVariable long id,
      @RequestBody(required = false) PlanPackageRequests.Decision body) {
    return service.approve(id, body == null ? null : body.reason());
  }

  @PostMapping("/api/plan-versions/{id}/refuse")
  PlanVersion refuse(@PathVariable long id,
      @RequestBody(required = false) PlanPackageRequests.Decision body) {
    return service.refuse(id, body == null ? null : body.reason());
  }
}
