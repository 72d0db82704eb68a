/**
 * Keeping the embedded store safe: online backups (scheduled and on demand), restoring one at
 * start-up, and the start-up check that turns a store that cannot open, or a data directory that
 * another instance holds, into one clear message (docs/operations.md, decision 22).
 */
package org.jointworks.backup;
