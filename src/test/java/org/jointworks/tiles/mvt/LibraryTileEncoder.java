package org.jointworks.tiles.mvt;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.UserDataKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * The tile encoder as it was before {@link MvtWriter} (the encoding library's MvtEncoder), kept
 * only as the reference of the regression test. Builds one Mapbox Vector Tile from layer snapshots. Per feature: skipped below its layer's
 * minimum zoom; dropped when its envelope is under one screen pixel (16 of the tile's 4,096 units,
 * it could not be seen); simplified with a tolerance of an eighth of a pixel, which the eye cannot
 * tell from the original; clipped to the tile plus a 64-unit buffer (so strokes join across
 * tiles) and quantised by the encoding library. If the tile still exceeds {@link #MAX_BYTES}, it
 * is built again with twice the tolerance and minimum size until it fits: a city-wide tile of
 * hundreds of megabytes cannot happen.
 *
 * <p>Idea graveyard: simplifying with TopologyPreservingSimplifier kept polygons valid but cost
 * about three times as much per tile; renderers draw the rare self-touching ring Douglas-Peucker
 * makes at low zooms without trouble. Stateless and thread-safe.
 */
final class LibraryTileEncoder {
  public static final int EXTENT = 4096;
  /** Tile units per screen pixel of a 256-pixel tile. */
  public static final int UNITS_PER_PIXEL = EXTENT / 256;
  public static final int BUFFER = 64;
  public static final int MAX_BYTES = 500 * 1024;
  private static final MvtLayerParams PARAMS = new MvtLayerParams(EXTENT);
  private static final GeometryFactory FACTORY = new GeometryFactory();
  private static final UserDataKeyValueMapConverter TAGS = new UserDataKeyValueMapConverter("id");

  private LibraryTileEncoder() {}

  /** The encoded tile (possibly empty, never over {@link #MAX_BYTES}). */
  public static byte[] encode(TileCoord tile, List<TileEncoder.LayerInput> layers) {
    byte[] out = null;
    for (int coarseness = 1; coarseness <= 64; coarseness *= 2) {
      out = encode(tile, layers, coarseness);
      if (out.length <= MAX_BYTES) {
        return out;
      }
    }
    return out;
  }

  private static byte[] encode(TileCoord tile, List<TileEncoder.LayerInput> layers, int coarseness) {
    Envelope tileEnv = tile.envelope3857();
    double unitM = tile.sizeM() / EXTENT;
    Envelope clip = new Envelope(tileEnv);
    clip.expandBy(unitM * BUFFER);
    double minSizeM = unitM * UNITS_PER_PIXEL * coarseness;
    double toleranceM = unitM * UNITS_PER_PIXEL / 8.0 * coarseness;
    List<JtsLayer> out = new ArrayList<>(layers.size());
    for (TileEncoder.LayerInput in : layers) {
      if (tile.z() < in.minZoom()) {
        continue;
      }
      List<Geometry> geoms = new ArrayList<>();
      for (Geometry g : in.layer().query(clip, minSizeM)) {
        Geometry tileGeom = toTile(g, tileEnv, clip, minSizeM, toleranceM);
        if (tileGeom != null) {
          tileGeom.setUserData(in.attributes() ? g.getUserData()
              : java.util.Map.of("id", ((java.util.Map<?, ?>) g.getUserData()).get("id")));
          geoms.add(tileGeom);
        }
      }
      if (!geoms.isEmpty()) {
        out.add(new JtsLayer(in.layer().name(), geoms, EXTENT));
      }
    }
    return out.isEmpty() ? new byte[0] : MvtEncoder.encode(new JtsMvt(out), PARAMS, TAGS);
  }

  private static Geometry toTile(Geometry g, Envelope tileEnv, Envelope clip, double minSizeM,
      double toleranceM) {
    Envelope e = g.getEnvelopeInternal();
    boolean point = g instanceof Puntal;
    if (!point && Math.max(e.getWidth(), e.getHeight()) < minSizeM) {
      return null;
    }
    // Most features lie wholly inside the clip box: for them, no overlay at all, only the
    // affine map to tile units (the library's createTileGeom intersects every feature, which
    // cost ten times more than everything else together; see docs/ogcapi.md).
    if (clip.contains(e)) {
      Geometry simple = point ? g : simplify(g, toleranceM);
      if (simple.isEmpty()) {
        return null;
      }
      Geometry t = simple.copy();
      t.apply(new ToTileUnits(tileEnv, EXTENT));
      t.geometryChanged();
      return t.isEmpty() ? null : t;
    }
    Geometry simple = point ? g : simplify(g, toleranceM);
    if (simple.isEmpty()) {
      return null;
    }
    Geometry t = JtsAdapter.createTileGeom(simple, tileEnv, clip, FACTORY, PARAMS, x -> true);
    return t == null || t.isEmpty() ? null : t;
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

  /** EPSG:3857 metres to whole tile units, y down from the tile's top edge. */
  private static final class ToTileUnits implements org.locationtech.jts.geom.CoordinateSequenceFilter {
    private final double minX;
    private final double maxY;
    private final double unitsPerM;

    ToTileUnits(Envelope tile, int extent) {
      this.minX = tile.getMinX();
      this.maxY = tile.getMaxY();
      this.unitsPerM = extent / tile.getWidth();
    }

    @Override
    public void filter(org.locationtech.jts.geom.CoordinateSequence seq, int i) {
      seq.setOrdinate(i, 0, Math.rint((seq.getX(i) - minX) * unitsPerM));
      seq.setOrdinate(i, 1, Math.rint((maxY - seq.getY(i)) * unitsPerM));
    }

    @Override
    public boolean isDone() {
      return false;
    }

    @Override
    public boolean isGeometryChanged() {
      return true;
    }
  }
}
