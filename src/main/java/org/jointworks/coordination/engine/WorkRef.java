package org.jointworks.coordination.engine;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The public facts of one work as a conflict names it (no pipeline attributes).
 *
 * @param id the stored work's id; null for a proposed work not stored
 */
public record WorkRef(Long id, String utility, String owner, String kind, String status,
    LocalDate startDate, LocalDate endDate) {
  public WorkRef {
    Objects.requireNonNull(utility, "utility");
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(endDate, "endDate");
    if (endDate.isBefore(startDate)) {
      throw new IllegalArgumentException("end date " + endDate + " is before start " + startDate);
    }
  }

  public boolean cancelled() {
    return "cancelled".equals(status);
  }

  /** Whether the date range meets [from, to] (either end may be null: open). */
  public boolean meets(LocalDate from, LocalDate to) {
    return (to == null || !startDate.isAfter(to)) && (from == null || !endDate.isBefore(from));
  }
}
