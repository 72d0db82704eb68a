package org.jointworks.tiles;

import org.jointworks.tiles.mvt.TileCoord;
import org.jointworks.tiles.mvt.TileEncoder;
import org.locationtech.jts.geom.Envelope;

/**
 * The lon/lat region whose features can show in a tile: the tile and the buffer the encoder
 * draws around it, so a write anywhere in it invalidates the tile. Written in lon/lat because the
 * revisions' change log records the stored (EPSG:4490) envelopes of what a write touched.
 */
final class TileReach {
  private static final double RADIUS_M = 6378137.0;
  /** A margin for the round trip between the two systems; far below a millimetre. */
  private static final double MARGIN_DEG = 1e-7;

  private TileReach() {}

  static Envelope lonLat(TileCoord t) {
    Envelope m = t.envelope3857();
    m.expandBy(t.sizeM() / TileEncoder.EXTENT * TileEncoder.BUFFER);
    Envelope out = new Envelope(lon(m.getMinX()), lon(m.getMaxX()), lat(m.getMinY()),
        lat(m.getMaxY()));
    out.expandBy(MARGIN_DEG);
    return out;
  }

  private static double lon(double x) {
    return Math.toDegrees(x / RADIUS_M);
  }

  private static double lat(double y) {
    return Math.toDegrees(Math.atan(Math.sinh(y / RADIUS_M)));
  }
}
