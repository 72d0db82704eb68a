package org.jointworks.history;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/history/{subject}/{id}}: the audit trail of one feature or project. */
@RestController
class HistoryController {
  private final HistoryService service;

  HistoryController(HistoryService service) {
    this.service = service;
  }

  @GetMapping("/api/history/{subject:[a-z][a-z_-]*}/{id:[0-9]+}")
  Map<String, Object> history(@PathVariable String subject, @PathVariable long id) {
    return service.of(subject, id);
  }
}
