package org.jointworks.sample;

import org.jointworks.geo.Crs;
import org.jointworks.geo.Geometries;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Builds lon/lat geometries (EPSG:4490, {@link Geometries#LONLAT}) from district-local metres:
 * shifts by the district's origin in EPSG:4547, transforms, and rounds to 7 decimals (about 1 cm).
 *
 * <p>Rounding keeps the files small and stable; it also keeps shared walls shared, because equal
 * metric inputs give equal rounded outputs. Not thread-safe (proj4j keeps per-thread state in
 * {@link Crs}, so one per thread is fine).
 */
final class Projector {
  private static final double SCALE = 1e7;
  private final double originX;
  private final double originY;

  Projector(double originX, double originY) {
    this.originX = originX;
    this.originY = originY;
  }

  Coordinate lonLat(double x, double y) {
    double[] p = Crs.transform(Crs.GK_114E, Crs.LONLAT, x + originX, y + originY);
    return new Coordinate(Math.round(p[0] * SCALE) / SCALE, Math.round(p[1] * SCALE) / SCALE);
  }

  Point point(double x, double y) {
    return Geometries.LONLAT.createPoint(lonLat(x, y));
  }

  LineString line(double ax, double ay, double bx, double by) {
    return Geometries.LONLAT.createLineString(new Coordinate[] {lonLat(ax, ay), lonLat(bx, by)});
  }

  /** An axis-parallel rectangle, shell counter-clockwise. */
  Polygon rectangle(double x0, double y0, double x1, double y1) {
    Coordinate sw = lonLat(x0, y0);
    return Geometries.LONLAT.createPolygon(new Coordinate[] {sw, lonLat(x1, y0), lonLat(x1, y1),
        lonLat(x0, y1), sw.copy()});
  }
}
