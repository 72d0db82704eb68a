package org.jointworks.overdue;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Puts {@link OverdueJob} on its schedule ({@code jointworks.notifications.overdue.*}). */
@Configuration
@EnableScheduling
class OverdueSchedule implements SchedulingConfigurer {
  private final OverdueJob job;
  private final OverdueProperties settings;

  OverdueSchedule(OverdueJob job, OverdueProperties settings) {
    this.job = job;
    this.settings = settings;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (settings.enabled()) {
      registrar.addFixedDelayTask(new FixedDelayTask(job::run, settings.interval(),
          settings.initialDelay()));
    }
  }
}
