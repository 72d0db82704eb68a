package org.jointworks.coordination.engine;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Where two conflicting works would dig the same street, as a geometry in their metric CRS: the
 * very thing a conflict's {@code overlapMeters} or {@code overlapM2} measures, so its length or
 * area is that figure (to floating point).
 * <ul>
 *   <li>two lines: the stretch of one line lying within the buffer of the other
 *       ({@link NearLength#partsWithin}), of the line whose stretch is shorter — the same choice
 *       as {@code overlapMeters} (a's on a tie);</li>
 *   <li>a line and an area: the stretch of the line within the buffer of the area (inside it
 *       included);</li>
 *   <li>two areas: their shared area ({@link OverlayNGRobust}).</li>
 * </ul>
 * Null when that is empty (two areas within the buffer that do not overlap, or lines that only
 * touch at a point); a caller then shows the conflict's point. Stateless; thread-safe.
 */
public final class ConflictShape {
  private ConflictShape() {}

  /** The shared stretch or area of {@code a} and {@code b} within {@code bufferMeters}, or null. */
  public static Geometry of(Geometry a, Geometry b, double bufferMeters) {
    GeometryFactory f = a.getFactory();
    int dimA = a.getDimension();
    int dimB = b.getDimension();
    Geometry shape;
    if (dimA == 2 && dimB == 2) {
      shape = OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION);
      return shape.isEmpty() || shape.getArea() == 0 ? null : shape;
    }
    if (dimA == 1 && dimB == 1) {
      MultiLineString onA = NearLength.partsWithin(a, b, bufferMeters, f);
      MultiLineString onB = NearLength.partsWithin(b, a, bufferMeters, f);
      shape = onB.getLength() < onA.getLength() ? onB : onA;
    } else if (dimA == 1 || dimB == 1) {
      shape = dimA == 1 ? NearLength.partsWithin(a, b, bufferMeters, f)
          : NearLength.partsWithin(b, a, bufferMeters, f);
    } else {
      return null;
    }
    return shape.isEmpty() || shape.getLength() == 0 ? null : shape;
  }
}
