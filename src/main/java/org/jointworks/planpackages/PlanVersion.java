package org.jointworks.planpackages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One submitted version of a coordinated construction plan. {@code works} and {@code plan} are
 * the snapshot the authority decides on: written once, never changed. Immutable.
 *
 * @param scope {@code linked_area} (ref: the area's id) or {@code county} (ref: a district code)
 * @param versionNo 1, 2, … per scope and ref
 * @param status {@code submitted}, then {@code approved} or {@code refused}, once
 */
public record PlanVersion(long id, String scope, String ref, int versionNo, String status,
    List<PlannedWork> works, Map<String, Object> plan, String note, String submittedBy,
    Instant submittedAt, String decidedBy, Instant decidedAt, String reason) {
  static final Set<String> SCOPES = Set.of("linked_area", "county");

  public PlanVersion {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(ref, "ref");
    works = List.copyOf(works);
    plan = plan == null ? Map.of() : plan;
  }

  /** A work of the package as it stood when the plan was submitted. */
  public record PlannedWork(long id, long version, String utility, String owner, String status,
      LocalDate startDate, LocalDate endDate) {}
}
