package org.jointworks.tiles.mvt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * Builds one Mapbox Vector Tile from layer snapshots. Per feature: skipped below its layer's
 * minimum zoom; dropped when its envelope is under one screen pixel (16 of the tile's 4,096 units,
 * it could not be seen); simplified with a tolerance of an eighth of a pixel, which the eye cannot
 * tell from the original; clipped to the tile plus a 64-unit buffer (so strokes join across
 * tiles) and quantised to whole units; {@link MvtWriter} writes the protobuf. If the tile still exceeds {@link #MAX_BYTES}, it
 * is built again with twice the tolerance and minimum size until it fits: a city-wide tile of
 * hundreds of megabytes cannot happen.
 *
 * <p>Idea graveyard: simplifying with TopologyPreservingSimplifier kept polygons valid but cost
 * about three times as much per tile; renderers draw the rare self-touching ring Douglas-Peucker
 * makes at low zooms without trouble. The encoding library's MvtEncoder (protobuf builders, a
 * geometry copy per feature) cost about three quarters of a z14 tile; it is replaced by
 * {@link MvtWriter}, and its createTileGeom (an overlay per feature crossing the clip box) by
 * {@link TileClipper}; the library now only decodes tiles in tests. Thread-safe (one reused writer per thread).
 */
public final class TileEncoder {
  public static final int EXTENT = 4096;
  /** Tile units per screen pixel of a 256-pixel tile. */
  public static final int UNITS_PER_PIXEL = EXTENT / 256;
  public static final int BUFFER = 64;
  public static final int MAX_BYTES = 500 * 1024;
  /** Below this zoom a dots layer's tiles are its overview (decision 95). */
  public static final int OVERVIEW_BELOW = Generalizer.OVERVIEW_BELOW;
  private static final GeometryFactory FACTORY = new GeometryFactory();
  /** One writer per thread: its buffers, grown once, serve every later tile. */
  private static final ThreadLocal<MvtWriter> WRITER = ThreadLocal.withInitial(MvtWriter::new);

  private TileEncoder() {}

  /**
   * A layer to put in a tile.
   *
   * @param minZoom the first zoom at which the layer appears
   * @param attributes whether features carry their properties (ids only otherwise)
   * @param fields the only properties features carry besides their id (null: all of them)
   * @param dots whether features under a pixel are drawn as dots instead of dropped
   *     ({@link Generalizer.Dots})
   * @param clusterBelow the zoom below which features are counted into clusters
   *     ({@link Generalizer.Clusters}); 0 for never
   * @param overview for a dots layer, its features' centres, which the overview tiles (below
   *     {@code overviewBelow}) are built from instead of {@code layer} (then null there, not
   *     needed); null: the overview from {@code layer}
   * @param overviewBelow the zoom below which a dots layer is an overview of counted dots
   *     ({@link Generalizer#OVERVIEW_BELOW} for communities); 0 for never: pipelines keep their
   *     lines at every zoom, only those under a pixel become dots
   */
  public record LayerInput(MercatorLayer layer, int minZoom, boolean attributes, Set<String> fields,
      boolean dots, int clusterBelow, LayerCentres overview, int overviewBelow) {
    public LayerInput {
      if (layer == null && overview == null) {
        throw new IllegalArgumentException("a layer or its centres are needed");
      }
      if (minZoom < 0 || minZoom > TileCoord.MAX_ZOOM) {
        throw new IllegalArgumentException("minZoom out of range: " + minZoom);
      }
      if (clusterBelow < 0 || clusterBelow > TileCoord.MAX_ZOOM + 1) {
        throw new IllegalArgumentException("clusterBelow out of range: " + clusterBelow);
      }
      if (overviewBelow < 0 || overviewBelow > TileCoord.MAX_ZOOM + 1 || overviewBelow > 0 && !dots) {
        throw new IllegalArgumentException("overviewBelow out of range: " + overviewBelow);
      }
      fields = fields == null ? null : Set.copyOf(fields);
    }

    /** A dots layer with the overview below {@link Generalizer#OVERVIEW_BELOW} (communities). */
    public LayerInput(MercatorLayer layer, int minZoom, boolean attributes, Set<String> fields,
        boolean dots, int clusterBelow, LayerCentres overview) {
      this(layer, minZoom, attributes, fields, dots, clusterBelow, overview,
          dots ? Generalizer.OVERVIEW_BELOW : 0);
    }

    public LayerInput(MercatorLayer layer, int minZoom, boolean attributes, Set<String> fields,
        boolean dots, int clusterBelow) {
      this(layer, minZoom, attributes, fields, dots, clusterBelow, null);
    }

    /** The layer's name in the tile. */
    public String name() {
      return layer != null ? layer.name() : overview.name();
    }

    /** Every feature as it is, sub-pixel ones dropped. */
    public LayerInput(MercatorLayer layer, int minZoom, boolean attributes) {
      this(layer, minZoom, attributes, null, false, 0);
    }
  }

  /** The encoded tile (possibly empty, never over {@link #MAX_BYTES}). */
  public static byte[] encode(TileCoord tile, List<LayerInput> layers) {
    byte[] out = null;
    for (int coarseness = 1; coarseness <= 64; coarseness *= 2) {
      out = encode(tile, layers, coarseness);
      if (out.length <= MAX_BYTES) {
        return out;
      }
    }
    return out;
  }

  private static byte[] encode(TileCoord tile, List<LayerInput> layers, int coarseness) {
    Envelope tileEnv = tile.envelope3857();
    double unitM = tile.sizeM() / EXTENT;
    Envelope clip = new Envelope(tileEnv);
    clip.expandBy(unitM * BUFFER);
    double minSizeM = unitM * UNITS_PER_PIXEL * coarseness;
    double toleranceM = unitM * UNITS_PER_PIXEL / 8.0 * coarseness;
    double unitsPerM = EXTENT / tileEnv.getWidth();
    MvtWriter w = WRITER.get();
    w.reset();
    for (LayerInput in : layers) {
      if (tile.z() < in.minZoom()) {
        continue;
      }
      w.beginLayer(in.name(), EXTENT);
      boolean idOnly = !in.attributes();
      if (tile.z() < in.overviewBelow()) {
        overview(in, tileEnv, unitsPerM, coarseness, w);
        continue;
      }
      if (tile.z() < in.clusterBelow()) {
        Generalizer.Clusters clusters = new Generalizer.Clusters(tileEnv, unitsPerM);
        in.layer().query(tileEnv).forEach(clusters::add);
        for (Generalizer.Mark m : clusters.marks()) {
          w.addFeature(Generalizer.point(m, FACTORY), 0, 1, 0, 1, kept(m.tags(), in), idOnly);
        }
        w.endLayer();
        continue;
      }
      Generalizer.Dots dots = in.dots()
          ? new Generalizer.Dots(tileEnv, unitsPerM, UNITS_PER_PIXEL * 2 * coarseness) : null;
      for (Geometry g : dots != null ? in.layer().query(clip) : in.layer().query(clip, minSizeM)) {
        Envelope e = g.getEnvelopeInternal();
        boolean point = g instanceof Puntal;
        if (!point && Math.max(e.getWidth(), e.getHeight()) < minSizeM) {
          if (dots != null) {
            dots.add(g);
          }
          continue;
        }
        Map<?, ?> tags = kept((Map<?, ?>) g.getUserData(), in);
        Geometry simple = point ? g : simplify(g, toleranceM);
        if (simple.isEmpty()) {
          continue;
        }
        // Most features lie wholly inside the clip box: no clipping and no copy for them, the
        // writer maps coordinates to tile units as it writes them (see docs/ogcapi.md).
        if (clip.contains(e)) {
          w.addFeature(simple, tileEnv.getMinX(), unitsPerM, tileEnv.getMaxY(), -unitsPerM,
              tags, idOnly);
        } else {
          Geometry t = TileClipper.clip(simple, tileEnv, unitsPerM, -BUFFER, EXTENT + BUFFER,
              FACTORY);
          if (t != null) {
            w.addFeature(t, 0, 1, 0, 1, tags, idOnly);
          }
        }
      }
      if (dots != null) {
        for (Generalizer.Mark m : dots.marks()) {
          w.addFeature(Generalizer.point(m, FACTORY), 0, 1, 0, 1, m.tags(), false);
        }
      }
      w.endLayer();
    }
    return w.toByteArray();
  }

  /** A dots layer below {@link Generalizer#OVERVIEW_BELOW}: every feature counted into a dot. */
  private static void overview(LayerInput in, Envelope tileEnv, double unitsPerM, int coarseness,
      MvtWriter w) {
    Generalizer.Dots dots = new Generalizer.Dots(tileEnv, unitsPerM,
        UNITS_PER_PIXEL * Generalizer.OVERVIEW_CELL_PIXELS * coarseness);
    if (in.overview() != null) {
      in.overview().query(tileEnv, dots::add);
    } else {
      in.layer().query(tileEnv).forEach(dots::add);
    }
    for (Generalizer.Mark m : dots.marks()) {
      w.addFeature(Generalizer.point(m, FACTORY), 0, 1, 0, 1, m.tags(), false);
    }
    w.endLayer();
  }

  /**
   * The tags a layer's features may carry: its fields, the id and the generalization's counts
   * (a cluster's {@code owner_<owner>} counts where the owner is a field).
   */
  private static Map<?, ?> kept(Map<?, ?> tags, LayerInput in) {
    if (in.fields() == null) {
      return tags;
    }
    Map<Object, Object> out = new HashMap<>();
    tags.forEach((k, v) -> {
      if (in.fields().contains(k) || "id".equals(k) || "count".equals(k) || "cluster".equals(k)
          || in.fields().contains("owner") && k instanceof String s && s.startsWith("owner_")) {
        out.put(k, v);
      }
    });
    return out;
  }

  /**
   * Douglas-Peucker without its validity repair: the repair is a buffer(0) per polygon, which
   * cost more than the rest of the tile together, and renderers fill a self-touching ring of a
   * fraction of a pixel the same way.
   */
  private static Geometry simplify(Geometry g, double toleranceM) {
    if (g.getNumPoints() <= 5) {
      return g;
    }
    DouglasPeuckerSimplifier s = new DouglasPeuckerSimplifier(g);
    s.setDistanceTolerance(toleranceM);
    s.setEnsureValid(false);
    return s.getResultGeometry();
  }
}
