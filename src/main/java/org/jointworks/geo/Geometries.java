package org.jointworks.geo;

import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The one {@link GeometryFactory} of the stored data (EPSG:4490) and the checks a geometry passes
 * before it is stored. Stateless and thread-safe.
 */
public final class Geometries {
  /** Every stored geometry is built by this factory: floating precision, SRID 4490. */
  public static final GeometryFactory LONLAT = new GeometryFactory(new PrecisionModel(), Crs.LONLAT);
  /** Metric geometries of the analyses, in the city's metric CRS. */
  public static final GeometryFactory METRIC = new GeometryFactory(new PrecisionModel(), Crs.GK_114E);

  private static final Envelope WORLD = new Envelope(-180, 180, -90, 90);

  private Geometries() {}

  /**
   * Widens {@code e} to take in {@code g}'s positions without asking {@code g} for its envelope,
   * which JTS would then keep on the geometry and each ring of it (decision 116).
   */
  public static void expand(Envelope e, Geometry g) {
    if (g instanceof LineString l) {
      l.getCoordinateSequence().expandEnvelope(e);
    } else if (g instanceof Point p) {
      p.getCoordinateSequence().expandEnvelope(e);
    } else if (g instanceof Polygon p) {
      expand(e, p.getExteriorRing());
      for (int i = 0; i < p.getNumInteriorRing(); i++) {
        expand(e, p.getInteriorRingN(i));
      }
    } else {
      for (int i = 0; i < g.getNumGeometries(); i++) {
        expand(e, g.getGeometryN(i));
      }
    }
  }

  /**
   * Why {@code g} may not be stored as a lon/lat geometry, or empty when it may. The reason names
   * JTS's own validity error and its location, so a user can find the bad vertex.
   */
  public static Optional<String> problemOf(Geometry g) {
    if (g == null || g.isEmpty()) {
      return Optional.of("geometry is empty");
    }
    OutsideWorld outside = new OutsideWorld();
    g.apply(outside);
    if (outside.x != null) {
      return Optional.of("coordinate (" + outside.x + ", " + outside.y
          + ") is outside the lon/lat range");
    }
    if (g instanceof Polygon p && SimpleShell.certainlyValid(p)) {
      return Optional.empty(); // decision 107: what IsValidOp would find, without its index
    }
    TopologyValidationError error = new IsValidOp(g).getValidationError();
    if (error != null) {
      Coordinate at = error.getCoordinate();
      return Optional.of(at == null ? "invalid geometry: " + error.getMessage()
          : "invalid geometry: " + error.getMessage() + " at (" + round(at.x) + ", " + round(at.y)
              + ")");
    }
    return Optional.empty();
  }

  /**
   * Finds the first position outside lon/lat, in the order {@code getCoordinates} lists them,
   * without making that array: a packed ring (decision 115) would make a {@code Coordinate}
   * a position for it.
   */
  private static final class OutsideWorld implements CoordinateSequenceFilter {
    Double x;
    Double y;

    @Override
    public void filter(CoordinateSequence seq, int i) {
      double cx = seq.getX(i);
      double cy = seq.getY(i);
      if (!Double.isFinite(cx) || !Double.isFinite(cy) || !WORLD.contains(cx, cy)) {
        x = cx;
        y = cy;
      }
    }

    @Override
    public boolean isDone() {
      return x != null;
    }

    @Override
    public boolean isGeometryChanged() {
      return false;
    }
  }

  /** A coordinate as a user reads it: at most 9 decimals (sub-millimetre), no float noise. */
  private static String round(double v) {
    return java.math.BigDecimal.valueOf(v).setScale(9, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros().toPlainString();
  }
}
