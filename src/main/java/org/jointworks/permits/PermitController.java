package org.jointworks.permits;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jointworks.system.ApiException;
import org.jointworks.system.Etags;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The permit steps of a work over HTTP: {@code POST /api/works/{id}/{step}} with an optional
 * {@code {"reason": …}} and an optional {@code If-Match} (the version the actor decided on; a
 * changed work answers 412), the work's register, and the authority's resolutions. HTTP only.
 */
@RestController
class PermitController {
  private final PermitService permits;
  private final CollaborationService collaborations;

  PermitController(PermitService permits, CollaborationService collaborations) {
    this.permits = permits;
    this.collaborations = collaborations;
  }

  /** The optional body of a step. */
  record StepBody(String reason) {}

  /** The authority's override or exception. */
  record ResolutionBody(Long otherWorkId, String kind, String reason) {}

  /** The other party's answer may name the version it read. */
  record AnswerBody(Long version) {}

  @PostMapping("/api/works/{id:[0-9]+}/{step:submit|approve|refuse|start|complete|withdraw|cancel}")
  ResponseEntity<Map<String, Object>> step(@PathVariable long id, @PathVariable String step,
      @RequestBody(required = false) StepBody body,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    Step s = Step.byCode(step).orElseThrow(() -> ApiException.notFound("step '" + step + "'"));
    PermitService.Outcome o = permits.take(id, s, body == null ? null : body.reason(),
        ifMatch == null ? null : Etags.version(ifMatch));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("version", o.work().version());
    out.put("status", o.work().text("status"));
    out.put("step", o.step());
    if (o.findings() != null) {
      out.put("conflicts", o.findings().conflicts());
      out.put("clearanceProblems", o.findings().clearanceProblems());
      out.put("clearanceChecked", o.findings().clearanceChecked());
    }
    return ResponseEntity.ok().eTag(Etags.of(o.work().version())).body(out);
  }

  @GetMapping("/api/works/{id:[0-9]+}/permit")
  Map<String, Object> register(@PathVariable long id) {
    return permits.register(id);
  }

  @PostMapping("/api/works/{id:[0-9]+}/resolutions")
  ResponseEntity<Resolution> resolve(@PathVariable long id, @RequestBody ResolutionBody body) {
    if (body.otherWorkId() == null) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "permits.other_work",
          "name otherWorkId, the work on the other side of the conflict", Map.of());
    }
    Resolution r = permits.resolve(id, body.otherWorkId(), body.kind(), body.reason());
    return ResponseEntity.status(HttpStatus.CREATED).body(r);
  }

  @PostMapping("/api/collaborations")
  ResponseEntity<Collaboration> propose(@RequestBody CollaborationService.Proposal body) {
    Collaboration c = collaborations.propose(body);
    return ResponseEntity.created(URI.create("/api/collaborations/" + c.id()))
        .eTag(Etags.of(c.version())).body(c);
  }

  @PostMapping("/api/collaborations/{id:[0-9]+}/{answer:accept|decline}")
  ResponseEntity<Collaboration> answer(@PathVariable long id, @PathVariable String answer,
      @RequestBody(required = false) AnswerBody body,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    Long version = ifMatch != null ? Long.valueOf(Etags.version(ifMatch))
        : body == null ? null : body.version();
    Collaboration c = collaborations.answer(id, "accept".equals(answer), version);
    return ResponseEntity.ok().eTag(Etags.of(c.version())).body(c);
  }

  @GetMapping("/api/collaborations/{id:[0-9]+}")
  ResponseEntity<Collaboration> collaboration(@PathVariable long id) {
    Collaboration c = collaborations.get(id);
    return ResponseEntity.ok().eTag(Etags.of(c.version())).body(c);
  }
}
