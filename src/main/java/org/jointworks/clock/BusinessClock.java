package org.jointworks.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The one source of "today" and "now" for the programme's records: every filing, submission,
 * approval and transition takes its date from here, never from the client (a late record on
 * someone's behalf goes through {@link LateRecording}).
 *
 * <p>{@link #replay} lets the in-process sample loader write a past history day by day through
 * the same services and checks; it is a thread-bound override that no request can reach (no
 * endpoint calls it), and it ends with the supplier.
 *
 * <p>Thread-safe: the override is per thread; the clock bean is immutable or test-owned.
 */
@Component
public class BusinessClock {
  private static final ThreadLocal<LocalDate> REPLAYED = new ThreadLocal<>();
  private final Clock clock;

  BusinessClock(Clock clock) {
    this.clock = clock;
  }

  /** The business date. */
  public LocalDate today() {
    LocalDate replayed = REPLAYED.get();
    return replayed != null ? replayed : LocalDate.now(clock);
  }

  /** The business instant: the clock's, or noon of the replayed day. */
  public Instant now() {
    LocalDate replayed = REPLAYED.get();
    return replayed != null ? replayed.atTime(12, 0).atZone(clock.getZone()).toInstant()
        : clock.instant();
  }

  /** Runs {@code work} as if today were {@code day}; for the sample loader only. */
  public <T> T replay(LocalDate day, Supplier<T> work) {
    LocalDate outer = REPLAYED.get();
    REPLAYED.set(day);
    try {
      return work.get();
    } finally {
      if (outer == null) {
        REPLAYED.remove();
      } else {
        REPLAYED.set(outer);
      }
    }
  }
}
