package org.jointworks.layers;

import org.jointworks.system.JointWorksUser;

/**
 * What anonymous users may see of the works layer: approved and in-progress works only
 * ({@link Vocabulary#PUBLIC_WORK_STATUSES}), never drafts, applications under review, refused,
 * withdrawn, cancelled or completed works. Every anonymous read path of works (the layer's list
 * and single feature, the exports, OGC API items, conflicts, tiles) asks here. Stateless.
 *
 * <p>Call {@link #hiddenFromCurrentUser} on the request's thread: a streamed body runs on another
 * thread, without the request's security context.
 */
public final class PublicWorks {
  private PublicWorks() {}

  /** Whether a work is shown to the public. */
  public static boolean shown(Feature work) {
    return Vocabulary.PUBLIC_WORK_STATUSES.contains(work.text("status"));
  }

  /** Whether a work of this status is shown to the public. */
  public static boolean shown(String status) {
    return Vocabulary.PUBLIC_WORK_STATUSES.contains(status);
  }

  /** Whether the current request is anonymous and {@code layer} is the works layer. */
  public static boolean hiddenFromCurrentUser(Layer layer) {
    return layer == Layer.WORKS && JointWorksUser.current().isEmpty();
  }

  /** Whether the current request is anonymous (no signed-in user). */
  public static boolean anonymous() {
    return JointWorksUser.current().isEmpty();
  }
}
