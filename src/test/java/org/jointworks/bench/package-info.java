/**
 * Benchmark harnesses, tagged {@code benchmark}: excluded from {@code ./mvnw verify}, run with
 * {@code ./mvnw -Pbench test -Dtest=...}. Each measures this service and PostGIS on the same data
 * in the same run; results go to docs/benchmarks.md.
 */
package org.jointworks.bench;
