/** Benchmarks (tag {@code benchmark}, run with {@code ./mvnw -Pbench test}) and their data. */
package org.jointworks.bench;
