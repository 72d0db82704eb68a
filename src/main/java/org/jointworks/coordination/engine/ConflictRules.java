package org.jointworks.coordination.engine;

/**
 * The parameters of a conflict search.
 *
 * @param bufferMeters works closer than this (metric CRS) are close in space; in (0, max]
 * @param gapDays date ranges this many days apart still count as one window; 0 or more
 * @param moratoriumYears calendar years a restored street stays protected; 0 or more
 */
public record ConflictRules(double bufferMeters, int gapDays, int moratoriumYears) {
  /** The widest buffer accepted: beyond a kilometre "the same street" means nothing. */
  public static final double MAX_BUFFER_METERS = 1000;

  public ConflictRules {
    if (!(bufferMeters > 0 && bufferMeters <= MAX_BUFFER_METERS)) {
      throw new IllegalArgumentException("bufferMeters must be more than 0 and at most "
          + (int) MAX_BUFFER_METERS + " (metres), not " + bufferMeters);
    }
    if (gapDays < 0 || gapDays > 3660) {
      throw new IllegalArgumentException("gapDays must be between 0 and 3660, not " + gapDays);
    }
    if (moratoriumYears < 0 || moratoriumYears > 50) {
      throw new IllegalArgumentException("moratoriumYears must be between 0 and 50");
    }
  }
}
