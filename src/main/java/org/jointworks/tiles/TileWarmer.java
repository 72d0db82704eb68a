package org.jointworks.tiles;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jointworks.geo.Crs;
import org.jointworks.layers.Layer;
import org.jointworks.layers.LayerRevisions;
import org.jointworks.system.ForegroundRequests;
import org.jointworks.tiles.mvt.TileCoord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Brings the tiles' snapshots up to date right after a write, off the request path, and builds
 * the city's overview tiles (zoom {@link #MIN_Z} to {@link #MAX_Z} over the city's box) for
 * anonymous visitors. Why: right after an import of 100,000 communities the first visitor's first
 * tile paid for reading and indexing the whole layer and for the overview tiles, 7.5–7.9 s
 * (docs/benchmarks.md, "Map page from the vector tiles"); now the import's caller pays nothing
 * extra and the next visitor finds them built. One daemon thread checks the layers' revisions
 * every {@code jointworks.tiles.warm-millis} (default 250; 0 turns it off); an unchanged layer
 * costs one comparison. A failure is logged and the next round tries again; a request never waits
 * for this.
 *
 * <p>A layer is warmed only once it has been quiet (decision 88): no import of this instance in
 * its transaction and the revision unchanged for {@code jointworks.tiles.warm-quiet-millis}
 * (default 2,000). Why: an import of 1,000,000 works arrives as 20 bodies; warming after each
 * rebuilt the EPSG:3857 snapshot 20 times (65 s of CPU taken from the import) and held a copy of
 * the layer being replaced beside the new one, which no longer fit in 2 GB with the analyses'
 * snapshots.
 *
 * <p>It also waits for a pause in the API requests (decision 103): no request under {@code /api/}
 * for the same quiet time, so the warming does not take a core from the analyses a planner asks
 * for right after an import. A busy service still gets its tiles warmed: a layer waits for such
 * a pause at most {@value #MAX_DEFER_QUIETS} quiet times after its last change. Thread-safe.
 */
@Component
class TileWarmer implements SmartLifecycle {
  static final int MIN_Z = 7;
  static final int MAX_Z = 10;
  /** How many quiet times a settled layer waits at most for a pause in the API requests. */
  static final int MAX_DEFER_QUIETS = 10;
  /** The city's box, lon/lat: the counties of Xinxiang (as TileJSON's bounds). */
  private static final double[] BOX = {113.0, 34.8, 115.0, 35.9};
  private static final Logger LOG = LoggerFactory.getLogger(TileWarmer.class);

  private final TileService tiles;
  private final MercatorSnapshots snapshots;
  private final LayerRevisions revisions;
  private final ForegroundRequests foreground;
  private final long periodMillis;
  private final long quietMillis;
  private final Map<Layer, Long> warmedAt = new EnumMap<>(Layer.class);
  private final Map<Layer, Quiet> quiet = new EnumMap<>(Layer.class);
  private ScheduledExecutorService thread;
  private volatile long lastWarning;

  TileWarmer(TileService tiles, MercatorSnapshots snapshots, LayerRevisions revisions,
      ForegroundRequests foreground,
      @Value("${jointworks.tiles.warm-millis:250}") long periodMillis,
      @Value("${jointworks.tiles.warm-quiet-millis:2000}") long quietMillis) {
    this.tiles = tiles;
    this.quietMillis = quietMillis;
    this.snapshots = snapshots;
    this.revisions = revisions;
    this.foreground = foreground;
    this.periodMillis = periodMillis;
  }

  /**
   * One round: each public layer whose revision moved and which has been quiet since gets its
   * snapshot and overview tiles.
   */
  void warm() {
    long now = System.nanoTime();
    for (Layer layer : TileSets.layers(TileSets.ALL, false)) {
      long revision = revisions.revision(layer);
      Long done = warmedAt.get(layer);
      if (done != null && done == revision) {
        continue;
      }
      Quiet q = quiet.computeIfAbsent(layer, l -> new Quiet());
      if (!q.settled(revision, revisions.importRunning(layer), now, quietMillis)
          || !q.mayStart(foreground.quietFor(quietMillis), now, quietMillis)) {
        continue;
      }
      snapshots.current(layer);
      overview(layer.id());
      warmedAt.put(layer, revision);
    }
  }

  /**
   * Whether a layer has settled: the same revision and no import running for {@code quietMillis}
   * (0: at once). Each observation of a change or a running import starts the wait again.
   */
  static final class Quiet {
    private long revision = Long.MIN_VALUE;
    private long since;

    boolean settled(long current, boolean importRunning, long nowNanos, long quietMillis) {
      if (quietMillis <= 0) {
        return true;
      }
      if (current != revision || importRunning) {
        revision = current;
        since = nowNanos;
        return false;
      }
      return nowNanos - since >= quietMillis * 1_000_000L;
    }

    /**
     * Whether a settled layer may be warmed now: the API requests have paused ({@code
     * requestsQuiet}), or it has waited {@link #MAX_DEFER_QUIETS} quiet times since it settled.
     */
    boolean mayStart(boolean requestsQuiet, long nowNanos, long quietMillis) {
      return requestsQuiet || quietMillis <= 0
          || nowNanos - since >= (MAX_DEFER_QUIETS + 1) * quietMillis * 1_000_000L;
    }
  }

  private void overview(String tileset) {
    double[] sw = Crs.transform(Crs.LONLAT, Crs.WEB_MERCATOR, BOX[0], BOX[1]);
    double[] ne = Crs.transform(Crs.LONLAT, Crs.WEB_MERCATOR, BOX[2], BOX[3]);
    for (int z = MIN_Z; z <= MAX_Z; z++) {
      TileCoord a = TileCoord.containing(z, sw[0], sw[1]);
      TileCoord b = TileCoord.containing(z, ne[0], ne[1]);
      for (int x = Math.min(a.x(), b.x()); x <= Math.max(a.x(), b.x()); x++) {
        for (int y = Math.min(a.y(), b.y()); y <= Math.max(a.y(), b.y()); y++) {
          tiles.tile(tileset, false, new TileCoord(z, x, y));
        }
      }
    }
  }

  @Override
  public synchronized void start() {
    if (periodMillis <= 0 || thread != null) {
      return;
    }
    thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tile-warmer");
      t.setDaemon(true);
      t.setPriority(Thread.MIN_PRIORITY);
      return t;
    });
    thread.scheduleWithFixedDelay(() -> {
      try {
        warm();
      } catch (RuntimeException e) {
        // The store may be down or being restored: say so once a minute, not every round.
        long now = System.currentTimeMillis();
        if (now - lastWarning > 60_000) {
          lastWarning = now;
          LOG.warn("warming the tiles failed; trying again in the next round: {}", e.toString());
        }
      }
    }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (thread != null) {
      thread.shutdownNow();
      thread = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return thread != null;
  }
}
