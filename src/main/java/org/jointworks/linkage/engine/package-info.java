/**
 * The linked-renovation algorithms, plain Java over JTS with no Spring, so tests and benchmarks
 * call them directly: adjacency of communities with exact gaps and frontages
 * ({@link org.jointworks.linkage.engine.AdjacencyEngine}, {@link org.jointworks.linkage.engine.Frontage}),
 * grouping of neighbours into joint areas ({@link org.jointworks.linkage.engine.Grouping}), their
 * outlines ({@link org.jointworks.linkage.engine.Outline}) and what a drawn area holds
 * ({@link org.jointworks.linkage.engine.AreaContents}). Every geometry here is metric
 * (EPSG:4547 by default), every length in metres.
 */
package org.jointworks.linkage.engine;
