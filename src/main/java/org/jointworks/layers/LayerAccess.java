package org.jointworks.layers;

import java.util.Objects;
import org.jointworks.system.ApiException;
import org.jointworks.system.JointWorksUser;
import org.jointworks.system.Role;

/**
 * The write rules that depend on the layer and the data: ADMIN writes every layer; PLANNER the
 * planning layers (districts, communities, facilities, streets); UTILITY only pipelines, pipe
 * points and works whose {@code owner} is its own organisation; LEADER and ROAD_AUTHORITY nothing (the authority
 * acts on works through the permit steps of {@code org.jointworks.permits}).
 */
public final class LayerAccess {
  private LayerAccess() {}

  /** Refuses (403) unless the current user may write this layer at all. */
  public static JointWorksUser checkLayer(Layer layer) {
    JointWorksUser user = JointWorksUser.current()
        .orElseThrow(() -> ApiException.forbidden("sign in to change " + layer.id()));
    boolean allowed = switch (user.role()) {
      case ADMIN -> true;
      case PLANNER -> layer.access() == Layer.Access.PLANNING;
      case UTILITY -> layer.access() == Layer.Access.OWNER;
      // The road-works authority decides on works through their permit steps, never edits them;
      // the programme's roles write the programme, not the layers (an adjustment's new
      // community is stored by the adjustment itself, validated).
      case LEADER, ROAD_AUTHORITY, COUNTY_OFFICER, COUNTY_LEADER, CITY_OFFICE -> false;
    };
    if (!allowed) {
      throw ApiException.forbidden("the role " + user.role() + " may not change " + layer.id());
    }
    return user;
  }

  /** Whether {@code user} may write {@code feature} (its owner, for a utility). */
  public static boolean mayWrite(JointWorksUser user, Layer layer, Feature feature) {
    if (user.role() != Role.UTILITY || layer.access() != Layer.Access.OWNER) {
      return true;
    }
    return Objects.equals(user.organisation(), feature.text("owner"));
  }

  /** Refuses (403) unless the current user may write {@code feature} of {@code layer}. */
  public static void checkFeature(Layer layer, Feature feature) {
    JointWorksUser user = checkLayer(layer);
    if (!mayWrite(user, layer, feature)) {
      throw ApiException.forbidden("a utility may change only its own organisation's " + layer.id()
          + "; this one belongs to '" + feature.text("owner") + "', you act for '"
          + user.organisation() + "'");
    }
  }
}
