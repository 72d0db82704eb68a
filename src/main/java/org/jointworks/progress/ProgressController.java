package org.jointworks.progress;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureWriter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * The progress views: {@code /api/progress/summary}, {@code /overdue}, {@code /evaluation},
 * {@code /districts.geojson} and the printable {@code /report}. Each takes {@code asOf}
 * (yyyy-MM-dd, default today): the sample programme stands at 2023-07-15.
 */
@RestController
class ProgressController {
  private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
  private final ProgressService service;
  private final ObjectMapper json;
  private final org.jointworks.clock.BusinessClock clock;

  ProgressController(ProgressService service, ObjectMapper json,
      org.jointworks.clock.BusinessClock clock) {
    this.service = service;
    this.json = json;
    this.clock = clock;
  }

  @GetMapping("/api/progress/summary")
  Summary summary(@RequestParam(required = false) LocalDate asOf) {
    return service.summary(asOf);
  }

  @GetMapping("/api/progress/overdue")
  ProgressService.Overdue overdue(@RequestParam(required = false) LocalDate asOf,
      @RequestParam(defaultValue = "false") boolean all) {
    return service.overdue(asOf == null ? clock.today() : asOf, all);
  }

  @GetMapping("/api/progress/evaluation")
  Evaluation.Result evaluation(@RequestParam(defaultValue = "mid") String period,
      @RequestParam(required = false) LocalDate asOf) {
    return service.evaluation(period, asOf == null ? clock.today() : asOf);
  }

  /** Money per funding source, across the programme and per county (rule 8). */
  @GetMapping("/api/progress/funding")
  Funding funding() {
    return service.funding();
  }

  @GetMapping("/api/progress/districts.geojson")
  ResponseEntity<String> districts(@RequestParam(required = false) LocalDate asOf) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var g = json.createGenerator(out)) {
      FeatureWriter.open(g);
      for (Feature f : service.districtFeatures(asOf)) {
        FeatureWriter.write(f, g);
      }
      FeatureWriter.close(g);
    }
    return ResponseEntity.ok().contentType(GEO_JSON)
        .body(out.toString(StandardCharsets.UTF_8));
  }

  @GetMapping("/api/progress/report")
  ResponseEntity<String> report(@RequestParam(required = false) LocalDate asOf) {
    return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
        .body(service.report(asOf == null ? clock.today() : asOf));
  }
}
