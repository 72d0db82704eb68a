package org.jointworks.coordination.engine;

import org.jointworks.layers.Feature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.distance.GeometryLocation;

/**
 * The two facts of pipe geometry the clearance check needs beyond distance: whether two pipes run
 * alongside each other where they come closest (the angle between their nearest segments), and
 * how deep a pipe lies at a point (its depth at both ends, interpolated along its length; or its
 * one recorded depth). Stateless, plain Java over JTS.
 */
final class PipeGeometry {
  /**
   * Two pipes whose nearest segments meet at less than this run alongside (parallel): the
   * horizontal clearance applies. At a larger angle they cross or meet in plan, and the vertical
   * clearance at that point applies instead. 30° keeps a pipe that bends away from a street's
   * line parallel, and a crossing of a side street (usually 60–90°) a crossing.
   */
  static final double PARALLEL_MAX_DEGREES = 30;

  private PipeGeometry() {}

  /** The acute angle in degrees between the segments at two nearest locations. */
  static double angleDegrees(GeometryLocation a, GeometryLocation b) {
    double[] u = direction(a);
    double[] v = direction(b);
    if (u == null || v == null) {
      return 90;
    }
    double cos = Math.abs(u[0] * v[0] + u[1] * v[1])
        / (Math.hypot(u[0], u[1]) * Math.hypot(v[0], v[1]));
    return Math.toDegrees(Math.acos(Math.min(1, cos)));
  }

  private static double[] direction(GeometryLocation loc) {
    Geometry g = loc.getGeometryComponent();
    if (!(g instanceof LineString line) || line.getNumPoints() < 2) {
      return null;
    }
    int i = Math.max(0, Math.min(loc.getSegmentIndex(), line.getNumPoints() - 2));
    Coordinate p = line.getCoordinateN(i);
    Coordinate q = line.getCoordinateN(i + 1);
    double dx = q.x - p.x;
    double dy = q.y - p.y;
    return dx == 0 && dy == 0 ? null : new double[] {dx, dy};
  }

  /**
   * The depth (m, to the pipe's top, as CJJ 61 surveys record it for pressure pipes) of a
   * pipeline at {@code at} (a point on or next to its metric geometry): interpolated between
   * {@code depth_start_m} and {@code depth_end_m} by the length along the line when both are
   * recorded, else {@code depth_m}, else null (not known: the crossing cannot be judged).
   */
  static Double depthAt(Feature pipe, Geometry metric, Coordinate at) {
    Double start = number(pipe, "depth_start_m");
    Double end = number(pipe, "depth_end_m");
    if (start != null && end != null && metric instanceof LineString line
        && line.getLength() > 0) {
      double along = new LengthIndexedLine(line).project(at) / line.getLength();
      return start + (end - start) * Math.max(0, Math.min(1, along));
    }
    Double one = number(pipe, "depth_m");
    return one != null ? one : start != null ? start : end;
  }

  static Double number(Feature f, String field) {
    return f.get(field) instanceof Number n ? n.doubleValue() : null;
  }
}
