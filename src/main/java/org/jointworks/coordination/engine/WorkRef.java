package org.jointworks.coordination.engine;

import java.time.LocalDate;
import java.util.Objects;
import org.jointworks.layers.Vocabulary;

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

  /**
   * Whether the work will not dig and so never conflicts: a draft (not yet applied for), a
   * refused or withdrawn application, a cancelled work ({@link Vocabulary#INACTIVE_WORK_STATUSES}).
   * A work of no status (a proposal being checked) is active.
   */
  public boolean cancelled() {
    return status != null && Vocabulary.INACTIVE_WORK_STATUSES.contains(status);
  }

  /** Whether the date range meets [from, to] (either end may be null: open). */
  public boolean meets(LocalDate from, LocalDate to) {
    return (to == null || !startDate.isAfter(to)) && (from == null || !endDate.isBefore(from));
  }
}
