package org.jointworks.tiles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jointworks.layers.Layer;
import org.jointworks.system.ApiException;
import org.jointworks.tiles.mvt.LayerCentres;
import org.jointworks.tiles.mvt.MercatorLayer;
import org.jointworks.tiles.mvt.TileEncoder;

/**
 * The tilesets and the zoom from which each layer appears in them. Below its minimum zoom a layer
 * is left out; above it, features smaller than a pixel are dropped, except in the dots layers:
 * communities and pipelines become dots (one per occupied 2-pixel cell), so a city of 100,000
 * communities and its pipelines show whole at every zoom; below {@link
 * TileEncoder#OVERVIEW_BELOW} every community is counted into an 8-pixel dot, from the layer's
 * centres alone (decision 95), while pipelines keep their lines. Works below {@link
 * #CLUSTER_BELOW} are counted into 64-pixel clusters (visible, clustered, at the opening zoom;
 * issue 18 item 2, issue 13 item 7). Pipelines, pipe points (from zoom 15, issue 13 item 6) and
 * facilities are for signed-in users only, as in the rest of the service: anonymous users get
 * tiles without those layers at all (not merely without their attributes). Immutable.
 */
final class TileSets {
  /** The tileset of all map layers. */
  static final String ALL = "all";
  static final Map<Layer, Integer> MIN_ZOOM = Map.of(
      Layer.DISTRICTS, 0,
      Layer.COMMUNITIES, 0,
      Layer.WORKS, 0,
      Layer.STREETS, 12,
      Layer.PIPELINES, 0,
      Layer.FACILITIES, 14,
      Layer.PIPE_POINTS, 15);
  /**
   * The layers whose sub-pixel features are drawn as dots, so they show whole at every zoom
   * (issue 18: "a city of 100,000 communities and its pipelines"): a pipe shorter than a pixel
   * is a dot where it lies, the rest stay lines.
   */
  static final Set<Layer> DOTS = Set.of(Layer.COMMUNITIES, Layer.PIPELINES);
  /**
   * The dots layers that are an overview of counted dots below {@link TileEncoder#OVERVIEW_BELOW}
   * (decision 95): communities. Pipelines keep their lines at every zoom: a network drawn as dots
   * would lose what a utility reads from it, where the mains run.
   */
  static final Set<Layer> OVERVIEW = Set.of(Layer.COMMUNITIES);
  /** The zoom below which a layer's features are clusters with counts. */
  static final Map<Layer, Integer> CLUSTER_BELOW = Map.of(Layer.WORKS, 14);
  /**
   * What anonymous tiles carry of a layer besides ids (absent: everything): the citizens' fields
   * of works, as the public works list (coordination/PublicWorksService, UpcomingWorks).
   */
  static final Map<Layer, Set<String>> ANONYMOUS_FIELDS = Map.of(Layer.WORKS, Set.of("utility",
      "owner", "kind", "status", "start_date", "end_date", "street", "traffic_impact", "contact"));
  /** The order layers are drawn in, bottom first. */
  static final List<Layer> DRAW_ORDER = List.of(Layer.DISTRICTS, Layer.COMMUNITIES,
      Layer.STREETS, Layer.PIPELINES, Layer.PIPE_POINTS, Layer.WORKS, Layer.FACILITIES);
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

  /** How {@code layer} goes into a tile for this audience. */
  static TileEncoder.LayerInput input(Layer layer, MercatorLayer snapshot, boolean signedIn) {
    return input(layer, snapshot, null, signedIn);
  }

  /**
   * Whether a tile of this zoom shows {@code layer} from its centres alone: a dots layer below
   * {@link TileEncoder#OVERVIEW_BELOW} (decision 95).
   */
  static boolean fromCentres(Layer layer, int z) {
    return OVERVIEW.contains(layer) && z < TileEncoder.OVERVIEW_BELOW;
  }

  /** {@code layer} from its snapshot, or (an overview tile) from its centres alone. */
  static TileEncoder.LayerInput input(Layer layer, MercatorLayer snapshot, LayerCentres centres,
      boolean signedIn) {
    return new TileEncoder.LayerInput(snapshot, MIN_ZOOM.get(layer), true,
        signedIn ? null : ANONYMOUS_FIELDS.get(layer), DOTS.contains(layer),
        CLUSTER_BELOW.getOrDefault(layer, 0), centres,
        OVERVIEW.contains(layer) ? TileEncoder.OVERVIEW_BELOW : 0);
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
