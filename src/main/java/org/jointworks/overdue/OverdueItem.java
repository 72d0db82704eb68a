package org.jointworks.overdue;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * Something overdue: a project that missed a milestone, or a county's missing monthly report.
 * {@code (kind, ref, milestone)} names it once and for all. Immutable.
 *
 * @param kind {@code project} or {@code report}
 * @param ref the project's id, or the county's district code
 * @param milestone {@code started}, {@code completed} (projects) or the report's month
 * @param county the district whose county users are told
 */
record OverdueItem(String kind, String ref, String milestone, LocalDate dueOn, String county,
    long subjectId, Map<String, Object> args) {
  OverdueItem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(milestone, "milestone");
    Objects.requireNonNull(dueOn, "dueOn");
    args = Map.copyOf(args);
  }
}
