/**
 * Geometry without Spring: coordinate reference systems, GeoJSON geometry coding and the checks
 * every stored geometry passes. Analyses and benchmarks call this package directly.
 */
package org.jointworks.geo;
