package org.jointworks.coordination.engine;

/**
 * Two pipelines of different utilities laid closer than the table's minimum: side by side
 * ({@code horizontal}, GB 50289-2016 table 4.1.9) or where they cross ({@code vertical}, table
 * 4.1.14).
 *
 * @param a the lower id (or the proposed new pipeline, id null)
 * @param requiredMeters the governing minimum clearance of the kind
 * @param actualMeters horizontal: the shortest distance in the metric CRS; vertical: the gap
 *     between the upper pipe's bottom and the lower pipe's top at the crossing (negative when
 *     they clash); to the millimetre
 * @param parallelMeters horizontal: the length of the shorter pipeline lying closer than
 *     required; vertical: 0
 * @param kind {@code horizontal} or {@code vertical}
 * @param depthA vertical: pipe a's depth (to its top) at the crossing; null for horizontal
 * @param depthB likewise for b
 * @param source the governing row's source; {@code placeholder} when it is a local setting
 * @param lon map point: the middle of the two closest points, lon/lat
 */
public record ClearanceViolation(Pipe a, Pipe b, double requiredMeters, double actualMeters,
    double parallelMeters, String condition, String source, boolean placeholder, double lon,
    double lat, String kind, Double depthA, Double depthB) {

  /** A pipeline as a violation names it (its identity and utility, nothing more). */
  public record Pipe(Long id, String utility, String owner) {}
}
