package org.jointworks.coordination.engine;

import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Whether two works lie within a distance: {@link DistanceOp#isWithinDistance}'s answer, with a
 * flat loop for the common case of two lines (street works). For two lines DistanceOp's answer is
 * "some pair of segments is within the distance by {@link Distance#segmentToSegment}", which
 * this loop asks directly, skipping pairs whose boxes are already farther apart, without
 * DistanceOp's component lists and location objects (decision 92). Other shapes go to DistanceOp.
 *
 * <p>Stateless and thread-safe.
 */
final class LineReach {
  private LineReach() {}

  static boolean within(Geometry a, Geometry b, double d) {
    if (!(a instanceof LineString la) || !(b instanceof LineString lb) || a.isEmpty()
        || b.isEmpty()) {
      return DistanceOp.isWithinDistance(a, b, d);
    }
    if (a.getEnvelopeInternal().distance(b.getEnvelopeInternal()) > d) {
      return false;
    }
    CoordinateSequence s = la.getCoordinateSequence();
    CoordinateSequence o = lb.getCoordinateSequence();
    if (s.size() < 2 || o.size() < 2) {
      return DistanceOp.isWithinDistance(a, b, d);
    }
    Coordinate a0 = new Coordinate();
    Coordinate a1 = new Coordinate();
    Coordinate b0 = new Coordinate();
    Coordinate b1 = new Coordinate();
    for (int i = 0; i + 1 < s.size(); i++) {
      double ax0 = s.getX(i);
      double ay0 = s.getY(i);
      double ax1 = s.getX(i + 1);
      double ay1 = s.getY(i + 1);
      double minX = Math.min(ax0, ax1) - d;
      double maxX = Math.max(ax0, ax1) + d;
      double minY = Math.min(ay0, ay1) - d;
      double maxY = Math.max(ay0, ay1) + d;
      a0.x = ax0;
      a0.y = ay0;
      a1.x = ax1;
      a1.y = ay1;
      for (int k = 0; k + 1 < o.size(); k++) {
        double bx0 = o.getX(k);
        double by0 = o.getY(k);
        double bx1 = o.getX(k + 1);
        double by1 = o.getY(k + 1);
        // The box gap is a lower bound of the distance: beyond d on either axis, skip.
        if (Math.max(bx0, bx1) < minX || Math.min(bx0, bx1) > maxX
            || Math.max(by0, by1) < minY || Math.min(by0, by1) > maxY) {
          continue;
        }
        b0.x = bx0;
        b0.y = by0;
        b1.x = bx1;
        b1.y = by1;
        if (Distance.segmentToSegment(a0, a1, b0, b1) <= d) {
          return true;
        }
      }
    }
    return false;
  }
}
