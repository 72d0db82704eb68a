package org.jointworks.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The schedule makes backups every interval on the embedded store, none on PostGIS or at 0. */
class BackupScheduleTest {
  @Test
  void makesABackupEveryIntervalAndKeepsGoingAfterAFailure() {
    Backups backups = mock(Backups.class);
    when(backups.embedded()).thenReturn(true);
    AtomicInteger calls = new AtomicInteger();
    when(backups.create("scheduled")).thenAnswer(call -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("disk full");
      }
      return new Backups.Backup("b", 1);
    });
    BackupSchedule schedule = new BackupSchedule(backups,
        new BackupProperties(Duration.ofMillis(50), 3));
    schedule.start();
    long until = System.nanoTime() + 20_000_000_000L;
    while (calls.get() < 3 && System.nanoTime() < until) {
      Thread.onSpinWait();
    }
    assertThat(calls.get()).as("backups made, the first one failing").isGreaterThanOrEqualTo(3);
    schedule.destroy();
  }

  @Test
  void makesNoneWhenTurnedOffOrOnPostgis() {
    Backups off = mock(Backups.class);
    when(off.embedded()).thenReturn(true);
    new BackupSchedule(off, new BackupProperties(Duration.ZERO, 3)).start();
    Backups postgis = mock(Backups.class);
    when(postgis.embedded()).thenReturn(false);
    BackupSchedule onPostgis = new BackupSchedule(postgis,
        new BackupProperties(Duration.ofMillis(50), 3));
    onPostgis.start();
    verify(off, after(500).never()).create("scheduled");
    verify(postgis, never()).create("scheduled");
    onPostgis.destroy();
  }
}
