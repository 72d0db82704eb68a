/**
 * The coordination algorithms, plain Java over JTS with no Spring, so tests and benchmarks call
 * them directly: the conflict engine (works close in space and in time), the exact length of a
 * line lying near another geometry, pipeline clearances against a table of minimum distances, and
 * the scheduler of the coordinated construction plan (shared trenches, depth order, deadlines).
 *
 * <p>All geometry here is in the city's metric CRS (EPSG:4547 by default); lon/lat appears only in
 * the answers (map points, excavation outlines).
 */
package org.jointworks.coordination.engine;
