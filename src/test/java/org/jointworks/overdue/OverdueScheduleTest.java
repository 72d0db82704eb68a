package org.jointworks.overdue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The overdue job's schedule: on in production (every hour, first after two minutes, both
 * configurable), none at all when off, and off in the test configuration so that no test context
 * sees it fire by itself (its tests run it explicitly, NoticeDeliveryContract).
 */
class OverdueScheduleTest {

  private static ScheduledTaskRegistrar scheduled(OverdueProperties settings) {
    ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
    new OverdueSchedule(mock(OverdueJob.class), settings).configureTasks(registrar);
    return registrar;
  }

  @Test
  void onItRunsEveryIntervalAfterItsInitialDelay() {
    OverdueProperties production = new OverdueProperties(true, Duration.ofHours(1),
        Duration.ofMinutes(2));
    assertThat(scheduled(production).getFixedDelayTaskList()).singleElement().satisfies(t -> {
      FixedDelayTask task = (FixedDelayTask) t;
      assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofHours(1));
      assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofMinutes(2));
    });
    OverdueProperties later = new OverdueProperties(true, Duration.ofMinutes(30),
        Duration.ofHours(6));
    assertThat(((FixedDelayTask) scheduled(later).getFixedDelayTaskList().get(0))
        .getInitialDelayDuration()).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void offItIsNotScheduledAtAll() {
    assertThat(scheduled(new OverdueProperties(false, Duration.ofHours(1), Duration.ZERO))
        .getFixedDelayTaskList()).isEmpty();
    assertThatThrownBy(() -> new OverdueProperties(true, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theTestConfigurationTurnsItOff() throws Exception {
    Properties test = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/config/application.properties")) {
      assertThat(in).isNotNull();
      test.load(in);
    }
    assertThat(test.getProperty("jointworks.notifications.overdue.enabled")).isEqualTo("false");
  }
}
