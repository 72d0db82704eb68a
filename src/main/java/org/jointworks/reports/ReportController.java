package org.jointworks.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
 * Monthly reports: {@code GET/POST /api/reports}, {@code GET/PUT /api/reports/{id}} (a PUT is a
 * correction), {@code POST /api/reports/{id}/approval} (a leader's decision) and
 * {@code GET /api/reports/timeliness?asOf=} (every county's due months).
 */
@RestController
class ReportController {
  private final ReportService service;
  private final org.jointworks.clock.BusinessClock clock;

  ReportController(ReportService service, org.jointworks.clock.BusinessClock clock) {
    this.service = service;
    this.clock = clock;
  }

  @GetMapping("/api/reports")
  List<MonthlyReport> list(@RequestParam(required = false) String district,
      @RequestParam(required = false) String period) {
    return service.all().stream()
        .filter(r -> district == null || r.district().equals(district))
        .filter(r -> period == null || r.period().equals(period)).toList();
  }

  @GetMapping("/api/reports/timeliness")
  Map<String, List<Reporting.Month>> timeliness(@RequestParam(required = false) LocalDate asOf) {
    return service.assess(asOf == null ? clock.today() : asOf);
  }

  @GetMapping("/api/reports/{id}")
  ResponseEntity<MonthlyReport> get(@PathVariable long id) {
    return versioned(ResponseEntity.ok(), service.get(id));
  }

  @PostMapping("/api/reports")
  ResponseEntity<MonthlyReport> submit(@RequestBody ReportService.ReportInput body) {
    return versioned(ResponseEntity.status(HttpStatus.CREATED), service.submit(body));
  }

  @PutMapping("/api/reports/{id}")
  ResponseEntity<MonthlyReport> correct(@PathVariable long id,
      @RequestBody ReportService.ReportInput body,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    long v = version(ifMatch, body.version());
    return versioned(ResponseEntity.ok(), service.correct(id, v, ifMatch != null, body));
  }

  record Decision(String decision, LocalDate on, Long version) {}

  @PostMapping("/api/reports/{id}/approval")
  ResponseEntity<MonthlyReport> decide(@PathVariable long id, @RequestBody Decision body,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    long v = version(ifMatch, body.version());
    return versioned(ResponseEntity.ok(),
        service.decide(id, v, ifMatch != null, body.decision(), body.on()));
  }

  private static ResponseEntity<MonthlyReport> versioned(ResponseEntity.BodyBuilder b,
      MonthlyReport r) {
    return b.eTag(Etags.of(r.version())).body(r);
  }

  private static long version(String ifMatch, Long bodyVersion) {
    if (ifMatch != null) {
      return Etags.version(ifMatch);
    }
    if (bodyVersion == null) {
      throw new ApiException(HttpStatus.PRECONDITION_REQUIRED,
          "say which version you change: If-Match or \"version\" in the body");
    }
    return bodyVersion;
  }
}
