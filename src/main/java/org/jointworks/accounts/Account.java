package org.jointworks.accounts;

import java.time.Instant;

/**
 * An account as ADMIN sees it: never the password hash. {@code version} moves with every change
 * and is the ETag. Immutable.
 */
record Account(String username, String role, String organisation, String county,
    boolean enabled, boolean mustChangePassword, long version, Instant changedAt) {}
