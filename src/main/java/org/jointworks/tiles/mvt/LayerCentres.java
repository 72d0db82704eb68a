package org.jointworks.tiles.mvt;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jointworks.layers.Feature;
import org.locationtech.jts.geom.Envelope;

/**
 * The EPSG:3857 centre and id of every feature of one layer at one revision: all the overview
 * tiles (below {@link Generalizer#OVERVIEW_BELOW}) need of a layer drawn as dots, where every
 * feature is counted into a cell by its centre (decision 95).
 *
 * <p>Why not the layer's {@link MercatorLayer}: right after an import of 100,000 communities that
 * snapshot transforms every vertex and builds two STRtrees (1–2 s on a shared machine), and the
 * first visitor's first map waited for it; these centres cost one envelope and two formulas per
 * feature (tens of milliseconds), so the opening view no longer waits for the detailed snapshot.
 * A centre is the Web Mercator image of the lon/lat envelope's centre (closed-form spherical
 * Mercator; within a millimetre of proj4j's EPSG:3857), and for a feature of a few hundred metres
 * as close to the centre of the transformed envelope the detailed tiles use: a tile unit at the
 * overview zooms is 20 m or more.
 *
 * <p>Queries scan every centre: an overview tile is one of a few dozen over the city, and a
 * scan of 100,000 pairs of doubles costs well under a millisecond, less than an index would.
 * Immutable and thread-safe.
 */
public final class LayerCentres {
  private static final double R = 6_378_137.0;
  /** Web Mercator stops at ±85.0511°; beyond it y is infinite (as {@link MercatorLayer}). */
  private static final double MAX_LAT = 85.05112878;

  private final String name;
  private final long revision;
  private final long[] ids;
  private final double[] xs;
  private final double[] ys;

  private LayerCentres(String name, long revision, long[] ids, double[] xs, double[] ys) {
    this.name = name;
    this.revision = revision;
    this.ids = ids;
    this.xs = xs;
    this.ys = ys;
  }

  /** The centres of a layer's features (lon/lat), in their order; those without geometry skipped. */
  public static LayerCentres of(String name, long revision, List<Feature> features) {
    return build(name, revision, null, Set.of(), features);
  }

  /** These centres after writes to {@code written}, whose current features are {@code current}. */
  public LayerCentres withChanges(long newRevision, Collection<Long> written,
      List<Feature> current) {
    return build(name, newRevision, this, new HashSet<>(written), current);
  }

  private static LayerCentres build(String name, long revision, LayerCentres old, Set<Long> hidden,
      List<Feature> added) {
    int kept = old == null ? 0 : old.ids.length;
    long[] ids = new long[kept + added.size()];
    double[] xs = new double[ids.length];
    double[] ys = new double[ids.length];
    int n = 0;
    for (int i = 0; i < kept; i++) {
      if (!hidden.contains(old.ids[i])) {
        ids[n] = old.ids[i];
        xs[n] = old.xs[i];
        ys[n++] = old.ys[i];
      }
    }
    for (Feature f : added) {
      if (f.geometry() == null || f.geometry().isEmpty()) {
        continue;
      }
      Envelope e = f.geometry().getEnvelopeInternal();
      if (e.getMinY() < -MAX_LAT || e.getMaxY() > MAX_LAT) {
        continue;
      }
      double lon = (e.getMinX() + e.getMaxX()) / 2;
      double lat = (e.getMinY() + e.getMaxY()) / 2;
      ids[n] = f.id();
      xs[n] = Math.toRadians(lon) * R;
      ys[n++] = Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)) * R;
    }
    return new LayerCentres(name, revision, java.util.Arrays.copyOf(ids, n),
        java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n));
  }

  public String name() {
    return name;
  }

  public long revision() {
    return revision;
  }

  public int size() {
    return ids.length;
  }

  /** What to do with each centre a query meets. */
  @FunctionalInterface
  public interface Visitor {
    void centre(double x3857, double y3857, long id);
  }

  /** Visits every centre inside {@code box} (EPSG:3857), in the layer's order. */
  public void query(Envelope box, Visitor visitor) {
    double minX = box.getMinX();
    double maxX = box.getMaxX();
    double minY = box.getMinY();
    double maxY = box.getMaxY();
    for (int i = 0; i < ids.length; i++) {
      double x = xs[i];
      double y = ys[i];
      if (x >= minX && x <= maxX && y >= minY && y <= maxY) {
        visitor.centre(x, y, ids[i]);
      }
    }
  }
}
