package org.jointworks.backup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings under {@code jointworks.backup.} (embedded store only).
 *
 * @param interval how often a scheduled backup is made; zero turns the schedule off
 * @param keep how many backups {@code data-dir/backups} keeps; older ones are deleted
 */
@ConfigurationProperties("jointworks.backup")
public record BackupProperties(
    @DefaultValue("1d") Duration interval,
    @DefaultValue("7") int keep) {

  public BackupProperties {
    if (interval.isNegative()) {
      throw new IllegalArgumentException("jointworks.backup.interval must not be negative");
    }
    if (keep < 1) {
      throw new IllegalArgumentException("jointworks.backup.keep must be at least 1");
    }
  }
}
