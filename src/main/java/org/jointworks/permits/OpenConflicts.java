package org.jointworks.permits;

import java.util.ArrayList;
import java.util.List;
import org.jointworks.coordination.engine.WorkConflict;

/**
 * The approval rule of the permit (docs/permits.md, "Approval"): every conflict of the work must
 * be resolved on record before the authority may grant it.
 * <ul>
 *   <li>a {@code same_window} conflict by an accepted collaboration of the two works (a shared
 *       trench) or by the authority's {@code override};</li>
 *   <li>a {@code moratorium} conflict only by the authority's {@code exception} (a shared trench
 *       does not reopen a protected street);</li>
 *   <li>a reschedule that removes the conflict needs no record: conflicts are computed afresh at
 *       the approval, from the stored dates and geometries.</li>
 * </ul>
 * Stateless; plain Java, so the rule is tested without Spring.
 */
final class OpenConflicts {
  private OpenConflicts() {}

  /** One conflict still open, as the refusal lists it. */
  record Open(long otherWorkId, String otherOwner, String kind, double gapMeters,
      String resolvedBy) {}

  static List<Open> of(long workId, List<WorkConflict> conflicts, List<Resolution> resolutions,
      List<Collaboration> collaborations) {
    List<Open> open = new ArrayList<>();
    for (WorkConflict c : conflicts) {
      long other = c.b().id();
      boolean byAuthority = resolutions.stream().anyMatch(r -> r.covers(workId, other, c.kind()));
      boolean byCollaboration = "same_window".equals(c.kind()) && collaborations.stream()
          .anyMatch(k -> Collaboration.ACCEPTED.equals(k.status()) && k.joins(workId, other));
      if (!byAuthority && !byCollaboration) {
        open.add(new Open(other, c.b().owner(), c.kind(), c.gapMeters(),
            "moratorium".equals(c.kind()) ? "the authority's exception"
                : "an accepted collaboration, a reschedule, or the authority's override"));
      }
    }
    return open;
  }
}
