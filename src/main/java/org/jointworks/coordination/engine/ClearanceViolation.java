package org.jointworks.coordination.engine;

/**
 * Two pipelines of different utilities laid closer than the table's minimum.
 *
 * @param a the lower id (or the proposed new pipeline, id null)
 * @param requiredMeters the governing minimum horizontal clearance
 * @param actualMeters the shortest distance in the metric CRS, to the millimetre
 * @param parallelMeters the length of the shorter pipeline lying closer than required
 * @param source the governing row's source; {@code placeholder} when it is a local setting
 * @param lon map point: the middle of the two closest points, lon/lat
 */
public record ClearanceViolation(Pipe a, Pipe b, double requiredMeters, double actualMeters,
    double parallelMeters, String condition, String source, boolean placeholder, double lon,
    double lat) {

  /** A pipeline as a violation names it (its identity and utility, nothing more). */
  public record Pipe(Long id, String utility, String owner) {}
}
