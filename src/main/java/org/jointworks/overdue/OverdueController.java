package org.jointworks.overdue;

import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/notifications/overdue/run} (ADMIN): one run of the job now; {@code sent}. */
@RestController
class OverdueController {
  private final OverdueJob job;

  OverdueController(OverdueJob job) {
    this.job = job;
  }

  @PostMapping("/api/notifications/overdue/run")
  Map<String, Object> run() {
    return Map.of("sent", job.run());
  }
}
