package org.jointworks.tiles.mvt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.geo.Crs;
import org.jointworks.layers.Feature;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable EPSG:3857 copy of one layer at one revision for tile building: each geometry
 * carries its tile attributes (id and properties, dates as text) as user data, and an STRtree
 * answers which features meet a tile. Immutable and thread-safe once built; geometries must not
 * be changed by callers (the encoder copies before it simplifies).
 */
public final class MercatorLayer {
  /** Web Mercator stops at ±85.0511°; beyond it y is infinite. */
  private static final double MAX_LAT = 85.05112878;

  private final String name;
  private final long revision;
  private final List<Geometry> geometries;
  private final STRtree index = new STRtree();
  /**
   * The same features by size class: class k holds lines and areas whose envelope's larger side
   * is under 2^k metres (points in class 0). A low-zoom tile asks only the classes that can
   * reach a pixel, so 100,000 sub-pixel communities cost nothing at zoom 10 instead of a scan.
   */
  private final STRtree[] bySize = new STRtree[SIZE_CLASSES];
  private static final int SIZE_CLASSES = 27;

  private MercatorLayer(String name, long revision, List<Geometry> geometries) {
    this.name = name;
    this.revision = revision;
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
    if (g instanceof org.locationtech.jts.geom.Puntal) {
      return 0;
    }
    Envelope e = g.getEnvelopeInternal();
    double size = Math.max(e.getWidth(), e.getHeight());
    int k = size < 1 ? 0 : 64 - Long.numberOfLeadingZeros((long) size);
    return Math.min(SIZE_CLASSES - 1, k);
  }

  /**
   * The geometries whose envelope meets {@code search3857} and whose size may reach
   * {@code minSizeM} (points always); callers still check each one's size exactly.
   */
  @SuppressWarnings("unchecked")
  public List<Geometry> query(Envelope search3857, double minSizeM) {
    List<Geometry> out = new ArrayList<>();
    for (int k = 0; k < SIZE_CLASSES; k++) {
      // Class k holds sizes below 2^k metres: skip it when even its largest is too small.
      if (bySize[k] != null && (k == 0 || Math.pow(2, k) >= minSizeM)) {
        if (k == 0 && minSizeM > 1) {
          for (Object o : bySize[0].query(search3857)) {
            if (o instanceof org.locationtech.jts.geom.Puntal) {
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

  /** Builds the snapshot of a layer's features (lon/lat EPSG:4490), skipping those without geometry. */
  public static MercatorLayer of(String name, long revision, List<Feature> features) {
    List<Geometry> out = new ArrayList<>(features.size());
    for (Feature f : features) {
      if (f.geometry() == null || f.geometry().isEmpty()) {
        continue;
      }
      Envelope e = f.geometry().getEnvelopeInternal();
      if (e.getMinY() < -MAX_LAT || e.getMaxY() > MAX_LAT) {
        continue;
      }
      Geometry g = Crs.transform(f.geometry(), Crs.LONLAT, Crs.WEB_MERCATOR);
      g.setUserData(attributes(f));
      out.add(g);
    }
    return new MercatorLayer(name, revision, out);
  }

  private static Map<String, Object> attributes(Feature f) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("id", f.id());
    f.properties().forEach((k, v) -> a.put(k, v instanceof LocalDate d ? d.toString() : v));
    return a;
  }

  public String name() {
    return name;
  }

  public long revision() {
    return revision;
  }

  public int size() {
    return geometries.size();
  }

  /** The geometries whose envelope meets {@code search3857}. */
  @SuppressWarnings("unchecked")
  public List<Geometry> query(Envelope search3857) {
    return index.query(search3857);
  }
}
