package org.jointworks.projects;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.jointworks.system.ApiException;
import org.jointworks.system.Etags;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Projects over HTTP: {@code /api/projects} (list, create), {@code /api/projects/{id}} (read with
 * its version as ETag, replace with If-Match → 412 or body version → 409),
 * {@code /api/projects/{id}/consent} and {@code /api/projects/{id}/transitions}, and the content
 * catalogue at {@code /api/catalogue}.
 */
@RestController
class ProjectController {
  private final ProjectService service;
  private final Catalogue catalogue;

  ProjectController(ProjectService service, Catalogue catalogue) {
    this.service = service;
    this.catalogue = catalogue;
  }

  @GetMapping("/api/catalogue")
  List<Catalogue.Item> catalogue() {
    return catalogue.all();
  }

  @GetMapping("/api/projects")
  List<ProjectView> list(@RequestParam(required = false) String district,
      @RequestParam(required = false) String status) {
    if (status != null && ProjectStatus.byCode(status).isEmpty()) {
      throw ApiException.badRequest("status must be one of surveyed, scheme_drafted,"
          + " consent_collected, started, completed, accepted, handed_over");
    }
    return service.views(service.all().stream()
        .filter(p -> district == null || p.district().equals(district))
        .filter(p -> status == null || p.status().code().equals(status)).toList());
  }

  @GetMapping("/api/projects/{id}")
  ResponseEntity<ProjectView> get(@PathVariable long id) {
    return versioned(ResponseEntity.ok(), service.get(id));
  }

  @PostMapping("/api/projects")
  ResponseEntity<ProjectView> create(@RequestBody ProjectInput body, HttpServletRequest request) {
    Project p = service.create(body, "plan");
    URI location = URI.create(request.getRequestURL().append('/').append(p.id()).toString());
    return versioned(ResponseEntity.status(HttpStatus.CREATED).location(location), p);
  }

  @PutMapping("/api/projects/{id}")
  ResponseEntity<ProjectView> replace(@PathVariable long id, @RequestBody ProjectInput body,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    Expected e = Expected.of(ifMatch, body.version());
    return versioned(ResponseEntity.ok(), service.replace(id, e.version(), e.fromHeader(), body));
  }

  record ConsentInput(String question, Long householdsConsenting, Long householdsOpposing,
      LocalDate collectedOn, String evidenceRef) {}

  @PostMapping("/api/projects/{id}/consent")
  ResponseEntity<ProjectView> consent(@PathVariable long id, @RequestBody ConsentInput body) {
    Project p = service.recordConsent(id, body.question(), body.householdsConsenting(),
        body.householdsOpposing(), body.collectedOn(), body.evidenceRef());
    return versioned(ResponseEntity.status(HttpStatus.CREATED), p);
  }

  /** {@code on} and {@code lateReason} only for an ADMIN's late record; the day is the server's. */
  record TransitionInput(String to, LocalDate on, String note, Long version, String lateReason) {}

  @PostMapping("/api/projects/{id}/transitions")
  ResponseEntity<ProjectView> transition(@PathVariable long id,
      @RequestBody TransitionInput body,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    Expected e = Expected.of(ifMatch, body.version());
    Project p = service.transition(id, e.version(), e.fromHeader(), body.to(), body.on(),
        body.note(), body.lateReason());
    return versioned(ResponseEntity.ok(), p);
  }

  private ResponseEntity<ProjectView> versioned(ResponseEntity.BodyBuilder b, Project p) {
    return b.eTag(Etags.of(p.version())).body(service.view(p));
  }

  /** The version a write expects: from If-Match (stale → 412) or the body (stale → 409). */
  record Expected(long version, boolean fromHeader) {
    static Expected of(String ifMatch, Long bodyVersion) {
      if (ifMatch != null) {
        return new Expected(Etags.version(ifMatch), true);
      }
      if (bodyVersion != null) {
        return new Expected(bodyVersion, false);
      }
      throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "say which version you change:"
          + " an If-Match header with the ETag you read, or \"version\" in the body");
    }
  }
}
