package org.jointworks.inspections;

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
 * {@code GET/POST /api/inspections}, {@code GET /api/inspections/{id}} (ETag) and
 * {@code PUT /api/inspections/{id}/rectification} (If-Match → 412 or body version → 409).
 */
@RestController
class InspectionController {
  private final InspectionService service;

  InspectionController(InspectionService service) {
    this.service = service;
  }

  @GetMapping("/api/inspections")
  List<Inspection> list(@RequestParam(required = false) String district,
      @RequestParam(required = false) Long projectId,
      @RequestParam(required = false) String kind) {
    return service.all().stream()
        .filter(x -> district == null || x.district().equals(district))
        .filter(x -> projectId == null || projectId.equals(x.projectId()))
        .filter(x -> kind == null || x.kind().code().equals(kind)).toList();
  }

  @GetMapping("/api/inspections/{id}")
  ResponseEntity<Inspection> get(@PathVariable long id) {
    Inspection x = service.get(id);
    return ResponseEntity.ok().eTag(Etags.of(x.version())).body(x);
  }

  @PostMapping("/api/inspections")
  ResponseEntity<Inspection> create(@RequestBody InspectionService.InspectionInput body) {
    Inspection x = service.record(body);
    return ResponseEntity.status(HttpStatus.CREATED).eTag(Etags.of(x.version())).body(x);
  }

  /** {@code rectifiedOn} and {@code lateReason} only for an ADMIN's late record. */
  record Rectification(LocalDate rectifiedOn, String note, Long version, String lateReason) {}

  @PutMapping("/api/inspections/{id}/rectification")
  ResponseEntity<Inspection> rectify(@PathVariable long id, @RequestBody Rectification body,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    long version;
    boolean fromHeader = ifMatch != null;
    if (fromHeader) {
      version = Etags.version(ifMatch);
    } else if (body.version() != null) {
      version = body.version();
    } else {
      throw new ApiException(HttpStatus.PRECONDITION_REQUIRED,
          "say which version you change: If-Match or \"version\" in the body");
    }
    Inspection x = service.rectify(id, version, fromHeader, body.rectifiedOn(), body.note(),
        body.lateReason());
    return ResponseEntity.ok().eTag(Etags.of(x.version())).body(x);
  }
}
