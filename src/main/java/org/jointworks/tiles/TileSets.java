package org.jointworks.tiles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.layers.Layer;
import org.jointworks.system.ApiException;

/**
 * The tilesets and the zoom from which each layer appears in them. Below its minimum zoom a layer
 * is left out (a city's 100,000 communities at zoom 8 would be an unreadable smear and a huge
 * tile); above it, features smaller than a pixel are still dropped. Pipelines and facilities are
 * for signed-in users only, as in the rest of the service: anonymous users get tiles without
 * those layers at all (not merely without their attributes). Immutable.
 */
final class TileSets {
  /** The tileset of all map layers. */
  static final String ALL = "all";
  static final Map<Layer, Integer> MIN_ZOOM = Map.of(
      Layer.DISTRICTS, 0,
      Layer.COMMUNITIES, 10,
      Layer.WORKS, 10,
      Layer.STREETS, 12,
      Layer.PIPELINES, 12,
      Layer.FACILITIES, 14);
  /** The order layers are drawn in, bottom first. */
  static final List<Layer> DRAW_ORDER = List.of(Layer.DISTRICTS, Layer.COMMUNITIES,
      Layer.STREETS, Layer.PIPELINES, Layer.WORKS, Layer.FACILITIES);
  static final int MAX_ZOOM = 22;
  /** The layers of every tileset, for signed-in and anonymous users, worked out once. */
  private static final Map<String, List<Layer>> SIGNED_IN = byTileset(true);
  private static final Map<String, List<Layer>> ANONYMOUS = byTileset(false);

  private TileSets() {}

  /** The layers of a tileset ({@link #ALL} or a layer id) that {@code signedIn} may see. */
  static List<Layer> layers(String tileset, boolean signedIn) {
    List<Layer> out = (signedIn ? SIGNED_IN : ANONYMOUS).get(tileset);
    if (out == null) {
      throw ApiException.notFound("tileset '" + tileset + "'");
    }
    return out;
  }

  private static Map<String, List<Layer>> byTileset(boolean signedIn) {
    Map<String, List<Layer>> out = new HashMap<>();
    List<String> tilesets = new ArrayList<>(List.of(ALL));
    DRAW_ORDER.forEach(l -> tilesets.add(l.id()));
    for (String tileset : tilesets) {
      List<Layer> layers = new ArrayList<>();
      for (Layer l : DRAW_ORDER) {
        if ((tileset.equals(ALL) || l.id().equals(tileset)) && (signedIn || l.publicRead())) {
          layers.add(l);
        }
      }
      if (!layers.isEmpty()) {
        out.put(tileset, List.copyOf(layers));
      }
    }
    return Map.copyOf(out);
  }
}
