package org.jointworks.permits;

import java.time.Instant;
import java.util.Set;

/**
 * The authority's recorded decision that a conflict between two works may stand:
 * {@code override} for a same-window conflict, {@code exception} for a moratorium conflict
 * (a section 58 restriction's exception, in Street Manager's words). It holds for the pair in
 * either order.
 */
record Resolution(long id, long workId, long otherWorkId, String kind, String reason,
    String actor, Instant at) {
  static final String OVERRIDE = "override";
  static final String EXCEPTION = "exception";
  static final Set<String> KINDS = Set.of(OVERRIDE, EXCEPTION);

  /** The resolution kind that answers a conflict kind of the engine. */
  static String answering(String conflictKind) {
    return "moratorium".equals(conflictKind) ? EXCEPTION : OVERRIDE;
  }

  boolean covers(long a, long b, String conflictKind) {
    return kind.equals(answering(conflictKind))
        && ((workId == a && otherWorkId == b) || (workId == b && otherWorkId == a));
  }
}
