package org.jointworks.tiles.mvt;

import java.util.Arrays;
import java.util.Map;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;

/**
 * Writes Mapbox Vector Tiles (spec 2.1, protobuf wire format) straight from JTS geometries:
 * coordinates are mapped to tile units while the commands are written, repeated points after
 * rounding are skipped, lines under two points and rings under three points or of zero area are
 * dropped, and rings are turned so exterior rings have a positive and interior rings a negative
 * surveyor's area in tile coordinates (y down), as the spec requires. Keys and values are
 * deduplicated per layer. Tags follow the rule of mapbox-vector-tile-java's
 * UserDataKeyValueMapConverter, which the tests decode with: every attribute with a Boolean, Integer, Long, Float, Double or
 * String value becomes a tag, and a numeric {@code id} attribute is also the feature id.
 *
 * <p>Why: the encoding library built a protobuf object per feature, value and command list and a
 * tag table per feature; that was most of an uncached tile's time (see docs/ogcapi.md). One
 * instance reuses its buffers across tiles; not thread-safe (use one per thread).
 */
public final class MvtWriter {
  private static final int MOVE_TO = 1;
  private static final int LINE_TO = 2;
  private static final int CLOSE_PATH = 7;

  private final ProtoBuffer tile = new ProtoBuffer(64 * 1024);
  private final ProtoBuffer layer = new ProtoBuffer(64 * 1024);
  private final ProtoBuffer geom = new ProtoBuffer(4 * 1024);
  private final ProtoBuffer tags = new ProtoBuffer(256);
  private final ProtoBuffer name = new ProtoBuffer(64);
  private final LayerTags tagTable = new LayerTags();
  private int[] xs = new int[256];
  private int[] ys = new int[256];
  private int cursorX;
  private int cursorY;
  private int features;
  private String layerName;
  private int extent;
  // The affine map to tile units of the feature being written: t = rint((c - o) * s).
  private double ox;
  private double sx;
  private double oy;
  private double sy;

  /** Forgets everything written so far (keeps the buffers). */
  public void reset() {
    tile.clear();
    layerName = null;
  }

  /** Starts a layer; features go into it until {@link #endLayer()}. */
  public void beginLayer(String name, int extent) {
    layer.clear();
    tagTable.clear();
    features = 0;
    layerName = name;
    this.extent = extent;
  }

  /**
   * Adds a feature whose coordinates map to tile units as {@code rint((x - originX) * scaleX)},
   * {@code rint((y - originY) * scaleY)} (scaleY negative for y-up sources; 0, 1, 0, 1 for
   * geometries already in tile units). Collections that are not Multi* geometries become one
   * feature per member.
   *
   * @param attributes the tags, or null for none
   * @param idOnly whether to write only the {@code id} attribute
   * @return whether anything was written (false when every part degenerated)
   */
  public boolean addFeature(Geometry g, double originX, double scaleX, double originY,
      double scaleY, Map<?, ?> attributes, boolean idOnly) {
    ox = originX;
    sx = scaleX;
    oy = originY;
    sy = scaleY;
    return addFeature(g, attributes, idOnly);
  }

  private boolean addFeature(Geometry g, Map<?, ?> attributes, boolean idOnly) {
    if (g.isEmpty()) {
      return false;
    }
    int type;
    geom.clear();
    cursorX = 0;
    cursorY = 0;
    if (g instanceof Puntal) {
      type = 1;
      writePoints(g);
    } else if (g instanceof Lineal) {
      type = 2;
      for (int i = 0; i < g.getNumGeometries(); i++) {
        writeLine(((LineString) g.getGeometryN(i)).getCoordinateSequence());
      }
    } else if (g instanceof Polygonal) {
      type = 3;
      for (int i = 0; i < g.getNumGeometries(); i++) {
        writePolygon((Polygon) g.getGeometryN(i));
      }
    } else {
      boolean any = false;
      for (int i = 0; i < g.getNumGeometries(); i++) {
        any |= addFeature(g.getGeometryN(i), attributes, idOnly);
      }
      return any;
    }
    if (geom.size() == 0) {
      return false;
    }
    writeFeature(type, attributes, idOnly);
    return true;
  }

  private void writeFeature(int type, Map<?, ?> attributes, boolean idOnly) {
    tags.clear();
    Object idValue = attributes == null ? null : attributes.get("id");
    if (attributes != null) {
      if (idOnly) {
        tagTable.tag("id", idValue, tags);
      } else {
        for (Map.Entry<?, ?> e : attributes.entrySet()) {
          if (e.getKey() instanceof String k) {
            tagTable.tag(k, e.getValue(), tags);
          }
        }
      }
    }
    long id = 0;
    boolean hasId = false;
    if (idValue instanceof Number n) {
      id = n.longValue();
      hasId = true;
    } else if (idValue instanceof String s) {
      try {
        id = Long.parseLong(s);
        hasId = true;
      } catch (NumberFormatException ignored) {
        // Not a numeric id: the feature keeps it as a tag only.
      }
    }
    int len = 2 + 1 + ProtoBuffer.varintSize(geom.size()) + geom.size();
    if (hasId) {
      len += 1 + ProtoBuffer.varintSize(id);
    }
    if (tags.size() > 0) {
      len += 1 + ProtoBuffer.varintSize(tags.size()) + tags.size();
    }
    layer.varint((2 << 3) | 2);
    layer.varint(len);
    if (hasId) {
      layer.varint(1 << 3);
      layer.varint(id);
    }
    if (tags.size() > 0) {
      layer.varint((2 << 3) | 2);
      layer.varint(tags.size());
      layer.append(tags);
    }
    layer.varint(3 << 3);
    layer.varint(type);
    layer.varint((4 << 3) | 2);
    layer.varint(geom.size());
    layer.append(geom);
    features++;
  }

  /** Ends the layer; a layer without features is left out of the tile. */
  public void endLayer() {
    if (layerName == null) {
      return;
    }
    if (features > 0) {
      tagTable.writeTo(layer);
      layer.varint(5 << 3);
      layer.varint(extent);
      layer.varint(15 << 3);
      layer.varint(2);
      name.clear();
      name.string(1, layerName);
      tile.varint((3 << 3) | 2);
      tile.varint(name.size() + layer.size());
      tile.append(name);
      tile.append(layer);
    }
    layerName = null;
  }

  /** The tile so far (empty when no layer had features). */
  public byte[] toByteArray() {
    return tile.toByteArray();
  }

  private void writePoints(Geometry g) {
    int n = g.getNumGeometries();
    geom.varint(command(MOVE_TO, n));
    for (int i = 0; i < n; i++) {
      Point p = (Point) g.getGeometryN(i);
      int x = (int) Math.rint((p.getX() - ox) * sx);
      int y = (int) Math.rint((p.getY() - oy) * sy);
      delta(x, y);
    }
  }

  private void writeLine(CoordinateSequence seq) {
    int n = load(seq);
    if (n < 2) {
      return;
    }
    geom.varint(command(MOVE_TO, 1));
    delta(xs[0], ys[0]);
    geom.varint(command(LINE_TO, n - 1));
    for (int i = 1; i < n; i++) {
      delta(xs[i], ys[i]);
    }
  }

  private void writePolygon(Polygon p) {
    if (!writeRing(p.getExteriorRing().getCoordinateSequence(), true)) {
      return;
    }
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      writeRing(p.getInteriorRingN(i).getCoordinateSequence(), false);
    }
  }

  private boolean writeRing(CoordinateSequence seq, boolean exterior) {
    int n = load(seq);
    if (n > 1 && xs[n - 1] == xs[0] && ys[n - 1] == ys[0]) {
      n--;
    }
    if (n < 3) {
      return false;
    }
    long area2 = 0;
    for (int i = 0, j = n - 1; i < n; j = i++) {
      area2 += (long) xs[j] * ys[i] - (long) xs[i] * ys[j];
    }
    if (area2 == 0) {
      return false;
    }
    boolean reverse = (area2 > 0) != exterior;
    geom.varint(command(MOVE_TO, 1));
    delta(xs[0], ys[0]);
    geom.varint(command(LINE_TO, n - 1));
    for (int k = 1; k < n; k++) {
      int i = reverse ? n - k : k;
      delta(xs[i], ys[i]);
    }
    geom.varint(command(CLOSE_PATH, 1));
    return true;
  }

  /** Maps a sequence to tile units into xs/ys, skipping repeats; returns the count kept. */
  private int load(CoordinateSequence seq) {
    int size = seq.size();
    if (xs.length < size) {
      xs = Arrays.copyOf(xs, Math.max(size, xs.length * 2));
      ys = Arrays.copyOf(ys, xs.length);
    }
    int n = 0;
    for (int i = 0; i < size; i++) {
      int x = (int) Math.rint((seq.getX(i) - ox) * sx);
      int y = (int) Math.rint((seq.getY(i) - oy) * sy);
      if (n == 0 || x != xs[n - 1] || y != ys[n - 1]) {
        xs[n] = x;
        ys[n] = y;
        n++;
      }
    }
    return n;
  }

  private void delta(int x, int y) {
    geom.varint(ProtoBuffer.zigzag(x - cursorX));
    geom.varint(ProtoBuffer.zigzag(y - cursorY));
    cursorX = x;
    cursorY = y;
  }

  private static int command(int id, int count) {
    return (id & 0x7) | (count << 3);
  }
}
