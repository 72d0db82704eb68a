package org.jointworks.projects;

import java.time.LocalDate;

/**
 * The quality records behind the last steps of the workflow: a passed acceptance inspection (验收)
 * and every finding closed for {@link ProjectStatus#ACCEPTED}, a hand-over record for
 * {@link ProjectStatus#HANDED_OVER}. Implemented by the inspections feature, so that projects do
 * not depend on it.
 */
public interface AcceptanceEvidence {
  boolean passedAcceptance(long projectId, LocalDate byDay);

  /** How many of the project's inspection findings are still open on {@code day}. */
  int openFindings(long projectId, LocalDate day);

  /** Whether a hand-over record of the project exists by {@code day}. */
  boolean handOverRecorded(long projectId, LocalDate byDay);
}
