/**
 * Geometry without Spring: coordinate reference systems, GeoJSON geometry coding and the checks
 * every stored geometry passes, and the envelope grid both engines find their all-pairs candidates
 * in. Analyses and benchmarks call this package directly.
 */
package org.jointworks.geo;
