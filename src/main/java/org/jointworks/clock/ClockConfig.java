package org.jointworks.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The business {@link Clock} bean: the real clock of the city's zone, or, with
 * {@code jointworks.clock.date}, a clock that stays on that date while its time of day runs (so
 * records made on the fixed day keep their order). Tests replace the bean with one they move.
 */
@Configuration
class ClockConfig {
  @Bean
  Clock businessTimeSource(ClockProperties properties) {
    Clock real = Clock.system(properties.zone());
    return properties.date() == null ? real : new FixedDateClock(properties.date(), real);
  }

  /** A clock whose date is fixed and whose time of day is the real one. Immutable. */
  static final class FixedDateClock extends Clock {
    private final LocalDate date;
    private final Clock real;

    FixedDateClock(LocalDate date, Clock real) {
      this.date = date;
      this.real = real;
    }

    @Override
    public ZoneId getZone() {
      return real.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new FixedDateClock(date, real.withZone(zone));
    }

    @Override
    public Instant instant() {
      return date.atTime(LocalTime.now(real)).atZone(real.getZone()).toInstant();
    }
  }
}
