package org.jointworks.backup;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** On-demand backups of the embedded store, for ADMIN ({@link BackupEndpointRules}). */
@RestController
class BackupController {
  private final Backups backups;

  BackupController(Backups backups) {
    this.backups = backups;
  }

  @PostMapping("/api/admin/backups")
  ResponseEntity<Backups.Backup> create() {
    Backups.Backup made = backups.create("on demand");
    return ResponseEntity.status(HttpStatus.CREATED).body(made);
  }

  @GetMapping("/api/admin/backups")
  Map<String, List<Backups.Backup>> list() {
    return Map.of("backups", backups.list());
  }
}
