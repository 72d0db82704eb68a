/**
 * The project's own fuzz suite (issue 11, item 7): seeded, reproducible hostile requests made by
 * mutating valid inputs of every write endpoint and file format, each checked to answer a 4xx
 * problem+json with a {@code code}, to leak no server path, class name or stack trace, and to
 * leave every table exactly as it was.
 */
package org.jointworks.fuzz;
