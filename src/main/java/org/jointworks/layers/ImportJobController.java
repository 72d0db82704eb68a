package org.jointworks.layers;

import java.util.Map;
import org.jointworks.system.ApiException;
import org.jointworks.system.JointWorksUser;
import org.jointworks.system.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/imports/jobs/{id}}: an asynchronous import's state and progress
 * (docs/imports.md), to the user who posted it and to ADMIN only.
 */
@RestController
class ImportJobController {
  private final ImportJobs jobs;

  ImportJobController(ImportJobs jobs) {
    this.jobs = jobs;
  }

  @GetMapping("/api/imports/jobs/{id}")
  Map<String, Object> job(@PathVariable String id) {
    JointWorksUser user = JointWorksUser.current().orElseThrow();
    ImportJob job = jobs.find(id).orElse(null);
    if (job == null) {
      if (jobs.ofAnotherRun(id)) {
        return ImportJob.lost(id);
      }
      throw ApiException.of(HttpStatus.NOT_FOUND, "import.job_unknown",
          "no import job " + id + " on this instance", Map.of("id", id));
    }
    if (!job.owner().equals(user.getUsername()) && user.role() != Role.ADMIN) {
      throw ApiException.of(HttpStatus.FORBIDDEN, "import.job_not_yours",
          "this import job was started by another user", Map.of());
    }
    return job.toJson();
  }
}
