package org.jointworks.permits;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One step of a work's permit as recorded: the register Street Manager keeps per permit.
 *
 * @param at when the server recorded it; {@code onDate} is that day in the server's zone, the
 *     actual start or completion date for {@code start} and {@code complete}
 * @param organisation the organisation the actor acts for (null for the authority and admins)
 * @param findingsJson for {@code submit} and {@code approve}: the conflicts and clearance problems
 *     the step was decided on, as JSON
 */
record WorkStep(long id, long workId, String action, String fromStatus, String toStatus,
    Instant at, LocalDate onDate, String actor, String organisation, String reason,
    String findingsJson) {}
