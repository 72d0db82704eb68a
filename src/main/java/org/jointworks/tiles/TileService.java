package org.jointworks.tiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.jointworks.layers.Layer;
import org.jointworks.tiles.mvt.TileCoord;
import org.jointworks.tiles.mvt.TileEncoder;
import org.springframework.stereotype.Service;

/**
 * Serves tiles from a cache keyed by tileset, audience and tile, each entry stamped with the
 * revisions of the layers it was built from. An entry whose stamp differs from the current
 * revisions is rebuilt, so a tile is never older than the last committed write; the ETag is the
 * stamp itself, so a client revalidates (304) without the tile being built. Thread-safe; the
 * cache holds at most {@link #MAX_ENTRIES} tiles, least recently used out first.
 */
@Service
public class TileService {
  static final int MAX_ENTRIES = 20_000;

  private final MercatorSnapshots snapshots;
  private final Map<String, Tile> cache = new LinkedHashMap<>(1024, 0.75f, true);

  TileService(MercatorSnapshots snapshots) {
    this.snapshots = snapshots;
  }

  /** An encoded tile, its gzip form and its ETag (the revisions it was built from). */
  public record Tile(byte[] mvt, byte[] gzip, String etag) {}

  /** The ETag the tile has now, computed without building it. */
  public String etag(String tileset, boolean signedIn, TileCoord t) {
    StringBuilder b = new StringBuilder("\"").append(tileset).append(signedIn ? "-s" : "-a");
    for (Layer l : TileSets.layers(tileset, signedIn)) {
      b.append('-').append(snapshots.revision(l));
    }
    return b.append('-').append(t.z()).append('-').append(t.x()).append('-').append(t.y())
        .append('"').toString();
  }

  public Tile tile(String tileset, boolean signedIn, TileCoord t) {
    String etag = etag(tileset, signedIn, t);
    synchronized (cache) {
      Tile hit = cache.get(etag);
      if (hit != null) {
        return hit;
      }
    }
    List<TileEncoder.LayerInput> inputs = new ArrayList<>();
    for (Layer l : TileSets.layers(tileset, signedIn)) {
      inputs.add(new TileEncoder.LayerInput(snapshots.current(l), TileSets.MIN_ZOOM.get(l), true));
    }
    // The snapshots were read after the ETag: if a write slipped in between, the tile is newer
    // than its stamp, and the next request (with the new stamp) builds it again. Never older.
    byte[] mvt = TileEncoder.encode(t, inputs);
    Tile built = new Tile(mvt, gzip(mvt), etag);
    synchronized (cache) {
      cache.put(etag, built);
      if (cache.size() > MAX_ENTRIES) {
        Iterator<String> oldest = cache.keySet().iterator();
        oldest.next();
        oldest.remove();
      }
    }
    return built;
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
