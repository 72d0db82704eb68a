package org.jointworks.coordination;

import org.jointworks.coordination.engine.ConflictRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings under {@code jointworks.coordination.}.
 *
 * @param moratoriumYears calendar years a restored street is protected from a re-dig
 * @param bufferMeters the default distance under which works are close in space
 * @param gapDays the default number of days between two works that still makes one window
 * @param sharedStretchMeters works must run alongside each other this far to share a trench
 * @param roadDays the road resurfacing phase after the trenches
 * @param greeningDays the greening phase after the roads
 * @param clearancesFile a CSV file replacing the shipped {@code gis-data/clearances.csv}; empty
 *     for the shipped one
 */
@ConfigurationProperties("jointworks.coordination")
public record CoordinationProperties(
    @DefaultValue("3") int moratoriumYears,
    @DefaultValue("5") double bufferMeters,
    @DefaultValue("30") int gapDays,
    @DefaultValue("10") double sharedStretchMeters,
    @DefaultValue("30") int roadDays,
    @DefaultValue("20") int greeningDays,
    @DefaultValue("") String clearancesFile) {

  public CoordinationProperties {
    // The same checks as a request's, so a bad setting stops the start-up with its reason.
    new ConflictRules(bufferMeters, gapDays, moratoriumYears);
  }
}
