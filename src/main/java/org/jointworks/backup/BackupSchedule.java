package org.jointworks.backup;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes a backup every {@code jointworks.backup.interval} on the embedded store, the first one
 * interval after start-up. One daemon thread; a failed backup is logged and the next one still
 * comes. Stopped with the context, so no backup starts during shutdown.
 */
@Component
class BackupSchedule implements DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(BackupSchedule.class);

  private final Backups backups;
  private final BackupProperties properties;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "backup-schedule");
    t.setDaemon(true);
    return t;
  });

  BackupSchedule(Backups backups, BackupProperties properties) {
    this.backups = backups;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    long every = properties.interval().toMillis();
    if (every == 0 || !backups.embedded()) {
      return;
    }
    timer.scheduleWithFixedDelay(() -> {
      try {
        backups.create("scheduled");
      } catch (RuntimeException e) {
        LOG.error("The scheduled backup failed: {}", e.getMessage());
      }
    }, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public void destroy() {
    timer.shutdownNow();
  }
}
