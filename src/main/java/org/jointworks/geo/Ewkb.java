package org.jointworks.geo;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBConstants;
import org.locationtech.jts.io.WKBWriter;

/**
 * A geometry's EWKB as the stores are given it — 2D, little-endian, the SRID on the outer
 * geometry — byte for byte what JTS's {@code WKBWriter(2, LITTLE_ENDIAN, true)} writes, into
 * one array of the exact size with eight bytes a store (decision 115). An import's reading
 * threads encode every feature: JTS's writer goes byte by byte through a scratch buffer and a
 * stream, and was the largest single item of their time once the rings were packed.
 *
 * <p>Non-empty points, lines, polygons and their multi kinds are written here; anything else (a
 * collection, an empty geometry) by JTS's writer. Stateless and thread-safe.
 */
public final class Ewkb {
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int SRID_FLAG = 0x20000000;
  /** A writer a thread for the rest; it keeps its buffer between geometries. */
  private static final ThreadLocal<WKBWriter> OTHERS =
      ThreadLocal.withInitial(() -> new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true));

  private Ewkb() {}

  /** {@code g}'s EWKB (2D, little-endian, with its SRID). */
  public static byte[] of(Geometry g) {
    if (!direct(g)) {
      return OTHERS.get().write(g);
    }
    byte[] out = new byte[size(g, true)];
    int end = write(g, out, 0, true);
    assert end == out.length;
    return out;
  }

  /**
   * The length of {@code g}'s EWKB as {@link #into} writes it into an array of the caller's, or
   * -1 for the kinds only {@link #of} writes (empty geometries, points sets, collections).
   */
  public static int size(Geometry g) {
    return direct(g) ? size(g, true) : -1;
  }

  /** Writes {@code g}'s EWKB at {@code at} of {@code out}, {@link #size} bytes; answers its end. */
  public static int into(Geometry g, byte[] out, int at) {
    if (!direct(g)) {
      throw new IllegalArgumentException("no direct EWKB for " + g.getGeometryType());
    }
    return write(g, out, at, true);
  }

  private static boolean direct(Geometry g) {
    return !g.isEmpty() && (g instanceof Point || g instanceof LineString || g instanceof Polygon
        || g instanceof MultiLineString || g instanceof MultiPolygon);
  }

  /** Bytes of {@code g}, a supported kind, with the SRID when {@code outer}. */
  private static int size(Geometry g, boolean outer) {
    int head = 1 + 4 + (outer ? 4 : 0);
    if (g instanceof Point) {
      return head + 16;
    }
    if (g instanceof LineString l) {
      return head + 4 + 16 * l.getNumPoints();
    }
    if (g instanceof Polygon p) {
      int n = head + 4 + 4 + 16 * p.getExteriorRing().getNumPoints();
      for (int i = 0; i < p.getNumInteriorRing(); i++) {
        n += 4 + 16 * p.getInteriorRingN(i).getNumPoints();
      }
      return n;
    }
    int n = head + 4;
    for (int i = 0; i < g.getNumGeometries(); i++) {
      n += size(g.getGeometryN(i), false);
    }
    return n;
  }

  private static int write(Geometry g, byte[] out, int at, boolean outer) {
    out[at++] = 1; // WKB's mark of little-endian
    int type = g instanceof Point ? WKBConstants.wkbPoint
        : g instanceof LineString ? WKBConstants.wkbLineString
        : g instanceof Polygon ? WKBConstants.wkbPolygon
        : g instanceof MultiLineString ? WKBConstants.wkbMultiLineString
        : WKBConstants.wkbMultiPolygon;
    INT.set(out, at, outer ? type | SRID_FLAG : type);
    at += 4;
    if (outer) {
      INT.set(out, at, g.getSRID());
      at += 4;
    }
    if (g instanceof Point p) {
      return positions(p.getCoordinateSequence(), out, at, false);
    }
    if (g instanceof LineString l) {
      return positions(l.getCoordinateSequence(), out, at, true);
    }
    if (g instanceof Polygon p) {
      INT.set(out, at, 1 + p.getNumInteriorRing());
      at = positions(p.getExteriorRing().getCoordinateSequence(), out, at + 4, true);
      for (int i = 0; i < p.getNumInteriorRing(); i++) {
        at = positions(p.getInteriorRingN(i).getCoordinateSequence(), out, at, true);
      }
      return at;
    }
    INT.set(out, at, g.getNumGeometries());
    at += 4;
    for (int i = 0; i < g.getNumGeometries(); i++) {
      at = write(g.getGeometryN(i), out, at, false);
    }
    return at;
  }

  /** A sequence's x, y pairs, after its count when {@code counted}. */
  private static int positions(CoordinateSequence s, byte[] out, int at, boolean counted) {
    int n = s.size();
    if (counted) {
      INT.set(out, at, n);
      at += 4;
    }
    if (s instanceof PackedXY packed) {
      double[] xy = packed.getRawCoordinates();
      for (double v : xy) {
        LONG.set(out, at, Double.doubleToLongBits(v));
        at += 8;
      }
      return at;
    }
    for (int i = 0; i < n; i++) {
      LONG.set(out, at, Double.doubleToLongBits(s.getX(i)));
      LONG.set(out, at + 8, Double.doubleToLongBits(s.getY(i)));
      at += 16;
    }
    return at;
  }
}
