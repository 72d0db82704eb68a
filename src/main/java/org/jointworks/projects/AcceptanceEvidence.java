package org.jointworks.projects;

import java.time.LocalDate;

/**
 * Whether a project passed its acceptance inspection (验收) by a day: the gate of the step to
 * {@link ProjectStatus#ACCEPTED}. Implemented by the inspections feature, so that projects do not
 * depend on it.
 */
public interface AcceptanceEvidence {
  boolean passedAcceptance(long projectId, LocalDate byDay);
}
