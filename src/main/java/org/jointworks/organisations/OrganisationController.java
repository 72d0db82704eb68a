package org.jointworks.organisations;

import java.util.List;
import org.jointworks.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET/POST /api/organisations}; writes are ADMIN's (see SecurityConfig). */
@RestController
class OrganisationController {
  private final OrganisationService service;

  OrganisationController(OrganisationService service) {
    this.service = service;
  }

  record NewOrganisation(String code, String name, String utility) {}

  @GetMapping("/api/organisations")
  List<Organisation> list() {
    return service.list();
  }

  @PostMapping("/api/organisations")
  @ResponseStatus(HttpStatus.CREATED)
  Organisation create(@RequestBody NewOrganisation body) {
    Organisation o;
    try {
      o = new Organisation(null, body.code(), body.name(), body.utility());
    } catch (IllegalArgumentException e) {
      throw ApiException.unprocessable(e.getMessage(), List.of(e.getMessage()));
    }
    return service.create(o);
  }
}
