/**
 * Bounded cost for every input: the settings {@code jointworks.limits.*} ({@link
 * org.jointworks.limits.InputLimits}), the filters that enforce them before a controller reads
 * anything (body size, parse time, query-string encoding), the JSON parser's constraints, and
 * the one way a limit refuses: a 4xx problem+json whose {@code code} names the limit
 * ({@code limit.body_size}, {@code limit.vertices}, {@code limit.json_depth}, …) with the limit's
 * value among its arguments. File formats check their own headers against these limits in
 * {@code org.jointworks.files}; geometries count their vertices in {@code org.jointworks.geo}.
 */
package org.jointworks.limits;
