/**
 * The server's business clock: the one source of "today" for every date that matters (filing,
 * submission, approval, transition), a fixed business date for demos and tests
 * ({@code jointworks.clock.date}), and the rule for recording late on someone's behalf.
 */
package org.jointworks.clock;
