package org.jointworks.coordination.engine;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The parameters of a construction plan.
 *
 * @param bufferMeters works closer than this may share a trench
 * @param minSharedMeters ... and must run alongside each other for at least this length (lines)
 * @param startBy every excavation must have started by this day (2023 plan: 03-31)
 * @param completeBy everything, surface work included, must be complete by this day (10-31)
 * @param roadDays duration of the road resurfacing after the last excavation is closed
 * @param greeningDays duration of the greening after the roads
 */
public record PlanSettings(double bufferMeters, double minSharedMeters, LocalDate startBy,
    LocalDate completeBy, int roadDays, int greeningDays) {
  public PlanSettings {
    if (!(bufferMeters > 0 && bufferMeters <= ConflictRules.MAX_BUFFER_METERS)) {
      throw new IllegalArgumentException("bufferMeters must be in (0, 1000]");
    }
    if (minSharedMeters < 0) {
      throw new IllegalArgumentException("minSharedMeters must not be negative");
    }
    Objects.requireNonNull(startBy, "startBy");
    Objects.requireNonNull(completeBy, "completeBy");
    if (completeBy.isBefore(startBy)) {
      throw new IllegalArgumentException("completeBy is before startBy");
    }
    if (roadDays < 1 || greeningDays < 1) {
      throw new IllegalArgumentException("surface durations must be at least one day");
    }
  }
}
