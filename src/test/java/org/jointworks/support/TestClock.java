package org.jointworks.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A business clock the programme's tests move: the service takes every date from its Clock bean,
 * so a test sets the day instead of sending dates. Static, because the tests and the service
 * share one JVM; the programme's tests run one at a time (JUnit's default). Thread-safe.
 */
public final class TestClock extends Clock {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final AtomicReference<LocalDate> TODAY =
      new AtomicReference<>(LocalDate.of(2023, 7, 15));

  /** Moves the business date to {@code day} (any direction). */
  public static void set(LocalDate day) {
    TODAY.set(day);
  }

  public static void set(String day) {
    set(LocalDate.parse(day));
  }

  public static LocalDate today() {
    return TODAY.get();
  }

  @Override
  public ZoneId getZone() {
    return ZONE;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return TODAY.get().atTime(LocalTime.now(ZONE)).atZone(ZONE).toInstant();
  }
}
