package org.jointworks.tiles.mvt;

import org.locationtech.jts.geom.Envelope;

/**
 * A tile of the OGC WebMercatorQuad tile matrix set (the XYZ scheme of web maps): zoom
 * {@code z}, column {@code x} from the west, row {@code y} from the north. Immutable.
 */
public record TileCoord(int z, int x, int y) {
  /** Half the side of the EPSG:3857 square, in metres: π × 6378137. */
  public static final double HALF_WORLD_M = 20037508.342789244;
  public static final int MAX_ZOOM = 24;

  public TileCoord {
    if (z < 0 || z > MAX_ZOOM) {
      throw new IllegalArgumentException("zoom must be from 0 to " + MAX_ZOOM + ", got " + z);
    }
    long n = 1L << z;
    if (x < 0 || x >= n || y < 0 || y >= n) {
      throw new IllegalArgumentException("at zoom " + z + " rows and columns go from 0 to "
          + (n - 1) + ", got row " + y + ", column " + x);
    }
  }

  /** The side of a tile at this zoom in EPSG:3857 metres. */
  public double sizeM() {
    return 2 * HALF_WORLD_M / (1L << z);
  }

  /** The tile's square in EPSG:3857. */
  public Envelope envelope3857() {
    double size = sizeM();
    double minX = -HALF_WORLD_M + x * size;
    double maxY = HALF_WORLD_M - y * size;
    return new Envelope(minX, minX + size, maxY - size, maxY);
  }

  /** The tile containing an EPSG:3857 point at a zoom (for tests and cache invalidation). */
  public static TileCoord containing(int z, double x3857, double y3857) {
    long n = 1L << z;
    double size = 2 * HALF_WORLD_M / n;
    int x = (int) Math.min(n - 1, Math.max(0, Math.floor((x3857 + HALF_WORLD_M) / size)));
    int y = (int) Math.min(n - 1, Math.max(0, Math.floor((HALF_WORLD_M - y3857) / size)));
    return new TileCoord(z, x, y);
  }
}
