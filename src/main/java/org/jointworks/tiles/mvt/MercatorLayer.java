package org.jointworks.tiles.mvt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.jointworks.geo.Crs;
import org.jointworks.layers.Feature;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable EPSG:3857 copy of one layer at one revision for tile building: each geometry
 * carries its tile attributes (id and properties, dates as text) as user data, and STRtrees
 * answer which features meet a tile.
 *
 * <p>A write changes one feature of 100,000; re-reading and re-indexing the layer for it took
 * seconds. So a snapshot is a built base plus an overlay: {@link #withChanges} hides the written
 * ids from the base and adds their current geometries to a small list that queries scan; once
 * the overlay grows past {@link #COMPACT_AT} features the whole is re-indexed in memory.
 *
 * <p>Immutable and thread-safe once built; geometries must not be changed by callers (the
 * encoder copies before it simplifies).
 */
public final class MercatorLayer {
  /** Web Mercator stops at ±85.0511°; beyond it y is infinite. */
  private static final double MAX_LAT = 85.05112878;
  /** Overlay size at which scanning it costs more than re-indexing once. */
  static final int COMPACT_AT = 512;

  private final String name;
  private final long revision;
  private final Base base;
  /** Ids whose base geometry is out of date (replaced or deleted). */
  private final Set<Long> hidden;
  /** The current geometries of the written ids, by id (absent: deleted or without geometry). */
  private final Map<Long, Geometry> overlay;

  private MercatorLayer(String name, long revision, Base base, Set<Long> hidden,
      Map<Long, Geometry> overlay) {
    this.name = name;
    this.revision = revision;
    this.base = base;
    this.hidden = hidden;
    this.overlay = overlay;
  }

  /** Builds the snapshot of a layer's features (lon/lat EPSG:4490), skipping those without geometry. */
  public static MercatorLayer of(String name, long revision, List<Feature> features) {
    List<Geometry> out = new ArrayList<>(features.size());
    for (Geometry g : mercator(features)) {
      if (g != null) {
        out.add(g);
      }
    }
    return new MercatorLayer(name, revision, new Base(out), Set.of(), Map.of());
  }

  /**
   * The features' EPSG:3857 geometries, index for index (null: none to show), transformed on
   * every core when they are many (an import's 100,000 communities right after it committed,
   * decision 88); a few written features on the caller's thread.
   */
  private static Geometry[] mercator(List<Feature> features) {
    Geometry[] out = new Geometry[features.size()];
    IntStream range = IntStream.range(0, out.length);
    (out.length >= PARALLEL_FROM ? range.parallel() : range)
        .forEach(i -> out[i] = mercator(features.get(i)));
    return out;
  }

  /** Below this many features one thread transforms them faster than a fork/join split. */
  private static final int PARALLEL_FROM = 2_048;

  /**
   * The snapshot after writes to {@code ids}, whose current features are {@code current} (a
   * written id missing from it was deleted).
   */
  public MercatorLayer withChanges(long newRevision, Collection<Long> ids, List<Feature> current) {
    Set<Long> nowHidden = new HashSet<>(hidden);
    nowHidden.addAll(ids);
    Map<Long, Geometry> nowOverlay = new HashMap<>(overlay);
    ids.forEach(nowOverlay::remove);
    Geometry[] transformed = mercator(current);
    for (int i = 0; i < transformed.length; i++) {
      if (transformed[i] != null) {
        nowOverlay.put(current.get(i).id(), transformed[i]);
      }
    }
    if (nowOverlay.size() <= COMPACT_AT) {
      return new MercatorLayer(name, newRevision, base, Set.copyOf(nowHidden),
          Map.copyOf(nowOverlay));
    }
    List<Geometry> all = new ArrayList<>(base.geometries.size() + nowOverlay.size());
    for (Geometry g : base.geometries) {
      if (!nowHidden.contains(id(g))) {
        all.add(g);
      }
    }
    all.addAll(nowOverlay.values());
    return new MercatorLayer(name, newRevision, new Base(all), Set.of(), Map.of());
  }

  private static Geometry mercator(Feature f) {
    if (f.geometry() == null || f.geometry().isEmpty()) {
      return null;
    }
    Envelope e = f.geometry().getEnvelopeInternal();
    if (e.getMinY() < -MAX_LAT || e.getMaxY() > MAX_LAT) {
      return null;
    }
    // Packed x/y doubles and a view of the feature's attributes (decision 88): a third of the
    // geometry's bytes, and no copied map per feature.
    Geometry g = PACKED.createGeometry(
        Crs.transform(f.geometry(), Crs.LONLAT, Crs.WEB_MERCATOR));
    g.setSRID(Crs.WEB_MERCATOR);
    g.setUserData(new TileAttributes(f));
    return g;
  }

  /** Copies coordinates as packed x/y doubles: tiles are flat, a z would only take room. */
  private static final GeometryFactory PACKED = new GeometryFactory(new PrecisionModel(),
      Crs.WEB_MERCATOR, new PackedCoordinateSequenceFactory(PackedCoordinateSequenceFactory.DOUBLE) {
        @Override
        public CoordinateSequence create(CoordinateSequence source) {
          double[] xy = new double[source.size() * 2];
          for (int i = 0; i < source.size(); i++) {
            xy[2 * i] = source.getX(i);
            xy[2 * i + 1] = source.getY(i);
          }
          return new PackedCoordinateSequence.Double(xy, 2, 0);
        }
      });

  private static Object id(Geometry g) {
    return ((Map<?, ?>) g.getUserData()).get("id");
  }

  /**
   * The geometries whose envelope meets {@code search3857} and whose size may reach
   * {@code minSizeM} (points always); callers still check each one's size exactly.
   */
  public List<Geometry> query(Envelope search3857, double minSizeM) {
    List<Geometry> out = base.query(search3857, minSizeM);
    return current(out, search3857, minSizeM);
  }

  /** The geometries whose envelope meets {@code search3857}. */
  @SuppressWarnings("unchecked")
  public List<Geometry> query(Envelope search3857) {
    return current(base.index.query(search3857), search3857, 0);
  }

  /** The base's answer without the written ids, plus their current geometries that qualify. */
  private List<Geometry> current(List<Geometry> fromBase, Envelope search3857, double minSizeM) {
    if (hidden.isEmpty()) {
      return fromBase;
    }
    fromBase.removeIf(g -> hidden.contains(id(g)));
    for (Geometry g : overlay.values()) {
      if (g.getEnvelopeInternal().intersects(search3857) && Base.mayReach(g, minSizeM)) {
        fromBase.add(g);
      }
    }
    return fromBase;
  }

  public String name() {
    return name;
  }

  public long revision() {
    return revision;
  }

  /** How many features the snapshot holds. */
  public int size() {
    if (hidden.isEmpty()) {
      return base.geometries.size();
    }
    int n = overlay.size();
    for (Geometry g : base.geometries) {
      if (!hidden.contains(id(g))) {
        n++;
      }
    }
    return n;
  }

  /** The indexed geometries: one tree over all, and one per size class. */
  private static final class Base {
    private static final int SIZE_CLASSES = 27;
    private final List<Geometry> geometries;
    private final STRtree index = new STRtree();
    /**
     * The same features by size class: class k holds lines and areas whose envelope's larger
     * side is under 2^k metres (points in class 0). A low-zoom tile asks only the classes that
     * can reach a pixel, so 100,000 sub-pixel communities cost nothing at zoom 10 instead of a
     * scan.
     */
    private final STRtree[] bySize = new STRtree[SIZE_CLASSES];

    Base(List<Geometry> geometries) {
      this.geometries = List.copyOf(geometries);
      for (Geometry g : this.geometries) {
        Envelope e = g.getEnvelopeInternal();
        index.insert(e, g);
        int k = sizeClass(g);
        if (bySize[k] == null) {
          bySize[k] = new STRtree();
        }
        bySize[k].insert(e, g);
      }
      index.build();
      for (STRtree t : bySize) {
        if (t != null) {
          t.build();
        }
      }
    }

    private static int sizeClass(Geometry g) {
      if (g instanceof Puntal) {
        return 0;
      }
      Envelope e = g.getEnvelopeInternal();
      double size = Math.max(e.getWidth(), e.getHeight());
      int k = size < 1 ? 0 : 64 - Long.numberOfLeadingZeros((long) size);
      return Math.min(SIZE_CLASSES - 1, k);
    }

    /** Class k holds sizes below 2^k metres: skip it when even its largest is too small. */
    private static boolean classMayReach(int k, double minSizeM) {
      return k == 0 || Math.pow(2, k) >= minSizeM;
    }

    /** Whether {@link #query} would consider {@code g} for {@code minSizeM}. */
    static boolean mayReach(Geometry g, double minSizeM) {
      int k = sizeClass(g);
      return k == 0 ? minSizeM <= 1 || g instanceof Puntal : classMayReach(k, minSizeM);
    }

    @SuppressWarnings("unchecked")
    List<Geometry> query(Envelope search3857, double minSizeM) {
      List<Geometry> out = new ArrayList<>();
      for (int k = 0; k < SIZE_CLASSES; k++) {
        if (bySize[k] != null && classMayReach(k, minSizeM)) {
          if (k == 0 && minSizeM > 1) {
            for (Object o : bySize[0].query(search3857)) {
              if (o instanceof Puntal) {
                out.add((Geometry) o);
              }
            }
          } else {
            out.addAll(bySize[k].query(search3857));
          }
        }
      }
      return out;
    }
  }
}
