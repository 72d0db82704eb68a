package org.jointworks.ogcapi;

import java.util.Set;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Layer;
import org.jointworks.layers.LayerService;
import org.jointworks.system.Role;
import tools.jackson.databind.JsonNode;

/**
 * Part 4 writes of a stored layer through {@link LayerService}, which holds validation, the
 * per-layer and per-feature rules of {@code LayerAccess}, versions, the audit and the layer's
 * revision. Every role that may write some layer passes the security rule; {@code LayerAccess}
 * then refuses (403) a planner's pipeline or another utility's works. Thread-safe.
 */
final class LayerWrites implements ItemWrites {
  private static final Set<Role> WRITERS = Set.of(Role.ADMIN, Role.PLANNER, Role.UTILITY);

  private final Layer layer;
  private final LayerService layers;

  LayerWrites(Layer layer, LayerService layers) {
    this.layer = layer;
    this.layers = layers;
  }

  @Override
  public Set<Role> roles() {
    return WRITERS;
  }

  @Override
  public Feature create(JsonNode feature) {
    return layers.create(layer, feature);
  }

  @Override
  public Feature replace(long id, long expectedVersion, JsonNode feature) {
    return layers.replace(layer, id, expectedVersion, feature, true);
  }

  @Override
  public void delete(long id, long expectedVersion) {
    layers.delete(layer, id, expectedVersion, true);
  }
}
