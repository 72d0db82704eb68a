package org.jointworks.permits;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A shared trench: the primary promoter's work digs it, the secondary promoter's work lays in it,
 * over common dates (UK Street Manager's collaborative works). Proposed by one of the two
 * utilities (whose acceptance is the proposal itself), {@code accepted} once the other accepts;
 * only an accepted collaboration resolves the two works' same-window conflict.
 *
 * @param status {@code proposed}, {@code accepted} or {@code declined}
 */
record Collaboration(long id, long version, long primaryWork, long secondaryWork,
    String primaryOwner, String secondaryOwner, LocalDate startDate, LocalDate endDate,
    String status, String note, String proposedBy, Instant proposedAt,
    String primaryAcceptedBy, Instant primaryAcceptedAt, String secondaryAcceptedBy,
    Instant secondaryAcceptedAt) {
  static final String PROPOSED = "proposed";
  static final String ACCEPTED = "accepted";
  static final String DECLINED = "declined";

  boolean joins(long a, long b) {
    return (primaryWork == a && secondaryWork == b) || (primaryWork == b && secondaryWork == a);
  }
}
