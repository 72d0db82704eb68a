package org.jointworks.layers;

/**
 * A veto another feature holds over single-feature writes of a layer, for rules that live in that
 * feature (a filed county plan freezes its district's {@code target_*}; a community with a
 * project leaves the plan only through an adjustment). {@link LayerService} asks every guard
 * before it writes, inside the write's transaction; a guard refuses by throwing an
 * {@code ApiException}. Implementations are Spring beans and thread-safe.
 */
public interface LayerWriteGuard {
  /** Called before {@code before} is replaced by {@code after} (not yet stored). */
  default void beforeReplace(Layer layer, Feature before, Feature after) {}

  /** Called before {@code before} is deleted. */
  default void beforeDelete(Layer layer, Feature before) {}
}
