/**
 * Crash and shutdown tests against the real service in a separate JVM: the kill harness
 * ({@code kill -9} at random moments, then a restart on the same store) and TERM during uploads.
 * See docs/operations.md for the long runs.
 */
package org.jointworks.crash;
