package org.jointworks.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPOutputStream;
import org.jointworks.layers.Layer;
import org.jointworks.layers.LayerRevisions;
import org.jointworks.layers.LayerRevisions.LayerChange;
import org.jointworks.tiles.mvt.TileCoord;
import org.jointworks.tiles.mvt.TileEncoder;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Serves tiles from a cache keyed by tileset, audience and tile. Each entry remembers the layer
 * revisions at which it was last known to be current. When a layer's revision has moved, the
 * revisions' change log says where the writes since then reached: a tile none of them touched
 * (tile plus its drawing buffer) is still current and is served as it is; a touched one, or one
 * the log cannot vouch for, is built again. So an edit invalidates exactly the tiles it touches
 * and a tile is never older than the last committed write.
 *
 * <p>The ETag is the stamp of the revisions a tile was built at, plus the revisions' epoch (this
 * run's start alone, the store's token when instances share it), so an unchanged tile keeps its
 * ETag across unrelated edits and across instances (clients get 304) and an ETag of another
 * history, when the revisions counted from zero again, never matches. The cache is bounded by bytes,
 * least useful out first. Thread-safe; a cache hit takes no lock.
 */
@Service
public class TileService {
  private final MercatorSnapshots snapshots;
  private final LayerRevisions revisions;
  private final Cache<Key, Entry> cache;
  private final String epoch;
  /** Tiles served as cached, kept across writes that did not touch them, and built. */
  private final LongAdder hits = new LongAdder();
  private final LongAdder kept = new LongAdder();
  private final LongAdder built = new LongAdder();

  TileService(MercatorSnapshots snapshots, LayerRevisions revisions, MeterRegistry meters,
      @Value("${jointworks.tiles.cache-megabytes:256}") long cacheMegabytes) {
    this.snapshots = snapshots;
    this.revisions = revisions;
    this.epoch = revisions.epoch();
    this.cache = Caffeine.newBuilder()
        .maximumWeight(cacheMegabytes * 1024 * 1024)
        .<Key, Entry>weigher((k, e) -> e.tile.mvt.length + e.tile.gzip.length + 256)
        .build();
    for (var c : List.of(Map.entry("hit", hits), Map.entry("kept", kept),
        Map.entry("built", built))) {
      FunctionCounter.builder("jointworks.tiles", c.getValue(), LongAdder::sum)
          .tag("result", c.getKey())
          .description("tiles answered: from the cache, kept after unrelated writes, built")
          .register(meters);
    }
  }

  /** An encoded tile, its gzip form and its ETag. */
  public record Tile(byte[] mvt, byte[] gzip, String etag) {
    /** Whether to answer the gzip form to a client sending {@code acceptEncoding}. */
    boolean gzipFor(String acceptEncoding) {
      return acceptEncoding != null && acceptEncoding.contains("gzip") && mvt.length > 0;
    }
  }

  private record Key(String tileset, boolean signedIn, TileCoord coord) {}

  /** A tile and the revisions of its layers at which it was last known to be current. */
  private record Entry(Tile tile, long[] currentAt) {}

  /** The tile as of the last committed write, from the cache when nothing since touched it. */
  public Tile tile(String tileset, boolean signedIn, TileCoord t) {
    List<Layer> layers = TileSets.layers(tileset, signedIn);
    long[] now = new long[layers.size()];
    for (int i = 0; i < now.length; i++) {
      now[i] = revisions.revision(layers.get(i));
    }
    Key key = new Key(tileset, signedIn, t);
    Entry hit = cache.getIfPresent(key);
    if (hit != null) {
      if (Arrays.equals(hit.currentAt, now)) {
        hits.increment();
        return hit.tile;
      }
      if (untouched(layers, hit.currentAt, now, t)) {
        cache.put(key, new Entry(hit.tile, now));
        kept.increment();
        return hit.tile;
      }
    }
    List<TileEncoder.LayerInput> inputs = new ArrayList<>();
    for (Layer l : layers) {
      // An overview tile of a dots layer needs only its centres: right after an import they are
      // there in milliseconds, the detailed snapshot in seconds (decision 95).
      inputs.add(TileSets.fromCentres(l, t.z())
          ? TileSets.input(l, null, snapshots.centres(l), signedIn)
          : TileSets.input(l, snapshots.current(l), signedIn));
    }
    // The snapshots were read after the revisions: if a write slipped in between, the tile is
    // newer than its stamp, and the next request finds that write in the log. Never older.
    byte[] mvt = TileEncoder.encode(t, inputs);
    Tile tile = new Tile(mvt, gzip(mvt), etag(tileset, signedIn, now, t));
    cache.put(key, new Entry(tile, now));
    built.increment();
    return tile;
  }

  /** Whether no write to {@code layers} between the two stamps reached the tile. */
  private boolean untouched(List<Layer> layers, long[] then, long[] now, TileCoord t) {
    Envelope reach = null;
    for (int i = 0; i < then.length; i++) {
      if (then[i] == now[i]) {
        continue;
      }
      Optional<List<LayerChange>> changes = revisions.changesBetween(layers.get(i), then[i], now[i]);
      if (changes.isEmpty()) {
        return false;
      }
      if (reach == null) {
        reach = TileReach.lonLat(t);
      }
      for (LayerChange c : changes.get()) {
        if (c.touched() == null || c.touched().intersects(reach)) {
          return false;
        }
      }
    }
    return true;
  }

  private String etag(String tileset, boolean signedIn, long[] revisions, TileCoord t) {
    StringBuilder b = new StringBuilder("\"").append(epoch).append('-').append(tileset)
        .append(signedIn ? "-s" : "-a");
    for (long r : revisions) {
      b.append('-').append(r);
    }
    return b.append('-').append(t.z()).append('-').append(t.x()).append('-').append(t.y())
        .append('"').toString();
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
