package org.jointworks.layers;

import org.jointworks.system.JointWorksUser;

/**
 * A feature's own rule for writes of one layer through every door of the generic store (single
 * create, replace and delete, the streamed import, OGC API Part 4, the file imports), beside the
 * role and owner rules of {@link LayerAccess}. Another package declares it as a bean (the works
 * permits do, so that a utility cannot approve its own work); the layer services call every bean
 * inside the write's transaction, after validation and before the store is touched.
 *
 * <p>Implementations must be thread-safe and must not write.
 */
public interface LayerWriteRule {
  /**
   * Checks one write and returns the feature to store (the same, or with server-set values).
   *
   * @param user the signed-in user (the start-up loads run as an ADMIN called {@code system})
   * @param before the stored feature, or null for a creation
   * @param after the validated new feature, or null for a deletion
   * @return the feature to store; ignored for a deletion
   * @throws org.jointworks.system.ApiException to refuse the write
   */
  Feature check(Layer layer, JointWorksUser user, Feature before, Feature after);
}
