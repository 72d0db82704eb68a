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

  private static volatile boolean following;
  private static final java.util.regex.Pattern CLIENT_DAY = java.util.regex.Pattern.compile(
      "\"(on|inspectedOn|rectifiedOn|submittedOn|correctedOn|filedOn)\"\\s*:\\s*\"((?:20[0-9]{2})-[0-9]{2}-[0-9]{2})\"");

  /**
   * Whether a request's day field moves the clock to that day before it is sent: the tests written
   * before issue 12 sent the day they acted on; now the server's clock says it, so those tests
   * act on that day instead. Off for tests of the refusals.
   */
  public static void follow(boolean on) {
    following = on;
  }

  /** Moves the clock to the day a request body names, when following. */
  public static void onRequest(String body) {
    if (!following || body == null) {
      return;
    }
    var m = CLIENT_DAY.matcher(body);
    if (m.find()) {
      set(m.group(2));
    }
  }

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
