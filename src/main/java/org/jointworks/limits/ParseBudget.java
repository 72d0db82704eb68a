package org.jointworks.limits;

/**
 * The time one request may spend reading and checking its body ({@code
 * jointworks.limits.parse-time}). {@link BodyLimitFilter} starts it for every request with a
 * body; the counting body stream checks it on every read, and readers that work on a file
 * already received (Shapefile records, CSV rows, GeoPackage rows) call {@link #check()} per
 * record. Held per thread: a request is served by one thread from the filter to the answer.
 */
public final class ParseBudget {
  private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

  private ParseBudget() {}

  static void start(long deadlineNanos) {
    DEADLINE.set(deadlineNanos);
  }

  static void end() {
    DEADLINE.remove();
  }

  /** Refuses with {@code limit.parse_time} once the request's budget is spent. */
  public static void check() {
    Long deadline = DEADLINE.get();
    if (deadline != null && System.nanoTime() - deadline > 0) {
      long seconds = Limits.current().parseTime().toSeconds();
      throw Limits.exceeded("parse_time", seconds, "reading the request took longer than "
          + seconds + " s; send a smaller body");
    }
  }
}
