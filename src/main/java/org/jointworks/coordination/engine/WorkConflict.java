package org.jointworks.coordination.engine;

import java.time.LocalDate;

/**
 * One conflict between two works, {@code a} before {@code b} by id (a proposed work is {@code a}).
 *
 * @param kind {@code same_window} or {@code moratorium}
 * @param gapMeters the exact shortest distance in the metric CRS, to the millimetre
 * @param overlapMeters for two lines, the shorter of the two lengths lying within bufferMeters of
 *     the other; for a line and an area, the line's length within bufferMeters of the area; null
 *     for two areas
 * @param overlapM2 for two areas, their shared area; null otherwise
 * @param overlapDays days both are under way (inclusive), 0 when the ranges do not meet
 * @param separationDays days from the earlier's end to the later's start, 0 when they meet
 * @param moratoriumUntil for a moratorium conflict, the day the earlier work's protection ends
 * @param lon map point: the middle of the two closest points, lon/lat
 */
public record WorkConflict(WorkRef a, WorkRef b, String kind, double gapMeters,
    Double overlapMeters, Double overlapM2, long overlapDays, long separationDays,
    LocalDate moratoriumUntil, double lon, double lat) {
}
