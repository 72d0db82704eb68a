package org.jointworks.linkage.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jointworks.geo.Crs;
import org.jointworks.geo.Geometries;
import org.jointworks.geo.PackedXY;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Layer;
import org.jointworks.layers.MetricLayer;
import org.jointworks.layers.MetricLayers;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Runs the adjacency engine a few times over a small made-up city, so the JIT has compiled its
 * hot loops (the exact distance, the capsules, the frontage's intervals) before the first real
 * answer: on a fresh JVM the first all-pairs pass over 100,000 communities ran mostly
 * interpreted and took several times the later ones (issue 15, decision 97). The city is blocks
 * on a 120 m grid with shared walls, survey slivers and streets of 6 to 45 m, bent midpoints and
 * jittered corners, so every branch of the distance and the frontage runs (gap 0 and 30 m). 72 ×
 * 72 blocks, not 36 × 36 (decision 103): with the smaller city the C2 compiler still recompiled
 * the distance's and the frontage's methods on the first real city, and the first uncached
 * answers after an import ran 0.45–0.76 s instead of about 0.3 s.
 *
 * <p>Stateless and thread-safe; takes about a second of one core.
 */
public final class WarmUp {
  private static final int SIDE = 72;

  private WarmUp() {}

  /**
   * Runs the engine over the made-up city {@code rounds} times, each round from lon/lat features
   * as a snapshot is built from them ({@link MetricLayers#build}: the transform to
   * {@code metricEpsg}, the index over the metric envelopes), while {@code goOn} says so (a
   * real request takes the cores); each round's pairs go to {@code answers} (to warm their
   * writer too).
   */
  public static void run(int metricEpsg, int rounds, BooleanSupplier goOn,
      Consumer<List<AdjacentPair>> answers) {
    List<Feature> city = features(city(SIDE, new SplittableRandom(97)));
    for (int round = 0; round < rounds && goOn.getAsBoolean(); round++) {
      MetricLayer layer = MetricLayers.build(Layer.COMMUNITIES, -1, metricEpsg, city);
      AdjacencyEngine engine = AdjacencyEngine.of(layer);
      answers.accept(engine.pairs(round % 2 == 0 ? 30 : 0));
      engine.neighbours(round, 30);
    }
  }

  /**
   * The blocks as communities in lon/lat, every other one's rings packed as an import's parse
   * makes them ({@link PackedXY}), the others arrays of coordinates as the store's WKB reader
   * makes them: a snapshot holds both kinds (imported features, features read back after a
   * restart), and code compiled on one kind only was thrown away at the first real city of the
   * other (decision 117: {@code class_check} traps in {@code Frontage.segments} during the first
   * import, and the engine compiled again beside it).
   */
  static List<Feature> features(List<Geometry> metricBlocks) {
    List<Feature> out = new ArrayList<>(metricBlocks.size());
    for (int i = 0; i < metricBlocks.size(); i++) {
      Coordinate[] c = metricBlocks.get(i).getCoordinates();
      double[] xy = new double[2 * c.length];
      for (int k = 0; k < c.length; k++) {
        double[] lonLat = Crs.transform(Crs.GK_114E, Crs.LONLAT, c[k].x, c[k].y);
        xy[2 * k] = lonLat[0];
        xy[2 * k + 1] = lonLat[1];
      }
      xy[xy.length - 2] = xy[0]; // closed exactly, whatever the round trip did
      xy[xy.length - 1] = xy[1];
      Polygon block = i % 2 == 0
          ? Geometries.LONLAT.createPolygon(Geometries.LONLAT.createLinearRing(new PackedXY(xy)))
          : Geometries.LONLAT.createPolygon(new PackedXY(xy).toCoordinateArray());
      out.add(Feature.unsaved(block, Map.of("name", "warm-up " + i)).withIdentity(i + 1, 1));
    }
    return out;
  }

  /** side × side blocks, positions row by row. */
  static List<Geometry> city(int side, SplittableRandom random) {
    double[] xs = edges(side, random);
    double[] ys = edges(side, random);
    List<Geometry> out = new ArrayList<>(side * side);
    for (int r = 0; r < side; r++) {
      for (int c = 0; c < side; c++) {
        out.add(block(xs[2 * c], ys[2 * r], xs[2 * c + 1], ys[2 * r + 1], random));
      }
    }
    return out;
  }

  private static double[] edges(int count, SplittableRandom random) {
    double[] edges = new double[2 * count];
    for (int i = 0; i < count; i++) {
      double u = random.nextDouble();
      double street = u < 0.25 ? 0 : u < 0.3 ? -0.4 : 6 + 39 * random.nextDouble();
      edges[2 * i] = i == 0 ? 0 : edges[2 * i - 1] + street;
      edges[2 * i + 1] = i * 120.0 + 110;
    }
    return edges;
  }

  private static Geometry block(double x0, double y0, double x1, double y1,
      SplittableRandom random) {
    boolean jitter = random.nextBoolean();
    Coordinate[] c = {
        corner(x0, y0, jitter, random), mid(x0, y0, x1, y0, random),
        corner(x1, y0, jitter, random), mid(x1, y0, x1, y1, random),
        corner(x1, y1, jitter, random), mid(x1, y1, x0, y1, random),
        corner(x0, y1, jitter, random), mid(x0, y1, x0, y0, random), null};
    c[8] = c[0].copy();
    return Geometries.METRIC.createPolygon(c);
  }

  private static Coordinate corner(double x, double y, boolean jitter, SplittableRandom random) {
    double dx = jitter ? 5 * (random.nextDouble() - 0.5) : 0;
    double dy = jitter ? 5 * (random.nextDouble() - 0.5) : 0;
    return new Coordinate(500_000 + x + dx, 3_900_000 + y + dy);
  }

  /** A midpoint pushed inwards by up to 1 m (the ring runs counter-clockwise). */
  private static Coordinate mid(double ax, double ay, double bx, double by,
      SplittableRandom random) {
    double len = Math.hypot(bx - ax, by - ay);
    double push = random.nextDouble();
    return new Coordinate(500_000 + (ax + bx) / 2 - push * (by - ay) / len,
        3_900_000 + (ay + by) / 2 + push * (bx - ax) / len);
  }
}
