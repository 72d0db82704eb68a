package org.jointworks.projects;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Whether a county's annual implementation plan is filed (and so its targets and plan projects
 * are frozen as the baseline). Implemented by the county-plans feature so that projects do not
 * depend on it.
 */
public interface PlanBaseline {
  /** The day {@code district}'s plan of {@code year} was filed, if it was. */
  Optional<LocalDate> filedOn(String district, int year);
}
