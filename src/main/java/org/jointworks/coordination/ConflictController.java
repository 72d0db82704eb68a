package org.jointworks.coordination;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.coordination.engine.WorkConflict;
import org.jointworks.layers.PublicWorks;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Conflicts between works over HTTP: the list, and the check of a proposed work. */
@RestController
class ConflictController {
  private final ConflictService service;
  private final CoordinationProperties settings;

  ConflictController(ConflictService service, CoordinationProperties settings) {
    this.service = service;
    this.settings = settings;
  }

  @GetMapping("/api/works/conflicts")
  Map<String, Object> conflicts(@RequestParam(required = false) Double bufferMeters,
      @RequestParam(required = false) Integer gapDays,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String utility) {
    ConflictQuery q = ConflictQuery.parse(settings, bufferMeters, gapDays, from, to, district,
        utility);
    List<WorkConflict> found = service.conflicts(q);
    if (PublicWorks.anonymous()) {
      // Anonymous users see conflicts between public works only, never an application's.
      found = found.stream().filter(c -> PublicWorks.shown(c.a().status())
          && PublicWorks.shown(c.b().status())).toList();
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("parameters", service.parameters(q.rules()));
    answer.put("count", found.size());
    answer.put("conflicts", found);
    return answer;
  }

  @PostMapping("/api/works/check")
  ConflictService.CheckResult check(@RequestBody JsonNode body,
      @RequestParam(required = false) Double bufferMeters,
      @RequestParam(required = false) Integer gapDays) {
    return service.check(body, bufferMeters, gapDays);
  }
}
