package org.jointworks.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateXY;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;

/**
 * A ring's positions as one array of x, y pairs (decision 115): one object for what an array
 * sequence holds as an array and a {@code Coordinate} a position. An imported community keeps
 * its ring from the parse through the hand-over into the snapshot, and its metric copy beside
 * it; as 13 {@code Coordinate}s each, those were most of the live objects every young pause of
 * an import copied.
 *
 * <p>Unlike JTS's own packed sequence, {@link #toCoordinateArray} makes a new array every time
 * and keeps none: JTS's keeps it by a soft reference, which the collector keeps for as long as
 * the heap has room, so every geometry a JTS operation once read would carry both forms. A
 * sequence copies as this class, so a transformed copy stays packed. Not thread-safe while
 * written; immutable in practice once built.
 */
public final class PackedXY extends PackedCoordinateSequence.Double {
  private static final long serialVersionUID = 1L;

  /** Wraps {@code xy} (x0, y0, x1, y1, …), not a copy. */
  public PackedXY(double[] xy) {
    super(xy, 2, 0);
  }

  @Override
  public Coordinate[] toCoordinateArray() {
    double[] xy = getRawCoordinates();
    Coordinate[] out = new Coordinate[xy.length / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = new CoordinateXY(xy[2 * i], xy[2 * i + 1]);
    }
    return out;
  }

  @Override
  public PackedXY copy() {
    return new PackedXY(getRawCoordinates().clone());
  }

  /** As {@link #copy}: the superclass's would answer JTS's own class. */
  @Override
  @Deprecated
  public Object clone() {
    return copy();
  }
}
