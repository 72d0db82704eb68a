package org.jointworks.geo;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Coordinate transforms between the storage CRS (CGCS2000 lon/lat, EPSG:4490), the metric CRS of
 * the city (by default CGCS2000 3-degree Gauss-Kruger CM 114E, EPSG:4547) and web maps (EPSG:3857).
 *
 * <p>Axis order is always x = easting/longitude, y = northing/latitude, as PostGIS stores it, even
 * where the EPSG definition says northing first (EPSG:4547). Transforms come from proj4j with its
 * EPSG database; {@code CrsTransformTest} checks them against PostGIS's ST_Transform to 1 cm.
 *
 * <p>Thread-safe: proj4j transforms keep scratch state, so each thread gets its own.
 */
public final class Crs {
  public static final int LONLAT = 4490;
  public static final int GK_114E = 4547;
  public static final int WEB_MERCATOR = 3857;
  /** OGC CRS84 is WGS84 lon/lat; CGCS2000 and WGS84 agree to centimetres, so we treat it as 4490. */
  public static final int CRS84 = 4326;

  private static final CRSFactory FACTORY = new CRSFactory();
  private static final Map<Integer, CoordinateReferenceSystem> SYSTEMS = new ConcurrentHashMap<>();
  private static final ThreadLocal<Map<Long, CoordinateTransform>> TRANSFORMS =
      ThreadLocal.withInitial(java.util.HashMap::new);

  private Crs() {}

  /** Whether proj4j knows this EPSG code. */
  public static boolean isKnown(int epsg) {
    try {
      system(epsg);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Transforms one coordinate; returns {x, y} in the target CRS. */
  public static double[] transform(int fromEpsg, int toEpsg, double x, double y) {
    if (fromEpsg == toEpsg) {
      return new double[] {x, y};
    }
    ProjCoordinate out = new ProjCoordinate();
    transformOf(fromEpsg, toEpsg).transform(new ProjCoordinate(x, y), out);
    return new double[] {out.x, out.y};
  }

  /** A transformed copy of {@code g}, with its SRID set to {@code toEpsg}. */
  public static Geometry transform(Geometry g, int fromEpsg, int toEpsg) {
    Geometry copy = g.copy();
    if (fromEpsg != toEpsg) {
      CoordinateTransform t = transformOf(fromEpsg, toEpsg);
      copy.apply(new TransformFilter(t));
      copy.geometryChanged();
    }
    copy.setSRID(toEpsg);
    return copy;
  }

  private static CoordinateTransform transformOf(int from, int to) {
    long key = ((long) normalise(from) << 32) | normalise(to);
    return TRANSFORMS.get().computeIfAbsent(key,
        k -> new BasicCoordinateTransform(system(from), system(to)));
  }

  private static int normalise(int epsg) {
    return epsg == CRS84 ? LONLAT : epsg;
  }

  private static CoordinateReferenceSystem system(int epsg) {
    return SYSTEMS.computeIfAbsent(normalise(epsg),
        code -> FACTORY.createFromName(String.format(Locale.ROOT, "EPSG:%d", code)));
  }

  private static final class TransformFilter implements CoordinateSequenceFilter {
    private final CoordinateTransform transform;
    private final ProjCoordinate in = new ProjCoordinate();
    private final ProjCoordinate out = new ProjCoordinate();

    TransformFilter(CoordinateTransform transform) {
      this.transform = transform;
    }

    @Override
    public void filter(CoordinateSequence seq, int i) {
      in.x = seq.getX(i);
      in.y = seq.getY(i);
      transform.transform(in, out);
      seq.setOrdinate(i, 0, out.x);
      seq.setOrdinate(i, 1, out.y);
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
