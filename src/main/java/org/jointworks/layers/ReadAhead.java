package org.jointworks.layers;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BiConsumer;
import org.jointworks.geo.Crs;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;

/**
 * Reads and checks an import's features (geometry validity, fields: {@link FeatureReader}) in
 * chunks on the common fork/join pool, a few chunks ahead of the thread that parses the body and
 * writes (decision 61). The results reach {@code sink} on the caller's thread in input order, so
 * indexes, ids and the all-or-nothing rule are as if every feature were read one by one. Each
 * valid feature's geometry is also transformed there to the metric CRS (when one is given), for
 * the snapshots (decision 60): the first analysis after the import does not transform it again.
 *
 * <p>Not thread-safe: one per import, used by the import's thread.
 */
final class ReadAhead {
  /** Features read together on another core. */
  private static final int CHUNK = 500;
  /** Chunks being read ahead of the writing thread. */
  private static final int AHEAD = 4;

  private final FeatureReader reader;
  private final BiConsumer<FeatureReader.Result, Geometry> sink;
  /** The metric CRS to transform to, or 0 for none. */
  private final int metricEpsg;
  private final ArrayDeque<CompletableFuture<List<Read>>> pending = new ArrayDeque<>();
  private List<JsonNode> chunk = new ArrayList<>(CHUNK);

  /** A feature read and checked, with its geometry in the metric CRS (or null). */
  private record Read(FeatureReader.Result result, Geometry metric) {}

  /** {@code sink} gets each result with its metric geometry (null when not transformed). */
  ReadAhead(FeatureReader reader, int metricEpsg,
      BiConsumer<FeatureReader.Result, Geometry> sink) {
    this.reader = reader;
    this.metricEpsg = metricEpsg;
    this.sink = sink;
  }

  private Read read(JsonNode node) {
    FeatureReader.Result r = reader.read(node);
    Geometry g = r.ok() && metricEpsg > 0 ? r.feature().geometry() : null;
    return new Read(r, g == null ? null : Crs.transform(g, Crs.LONLAT, metricEpsg));
  }

  /** Takes the next feature of the body. */
  void offer(JsonNode node) {
    chunk.add(node);
    if (chunk.size() == CHUNK) {
      submit();
    }
  }

  /** Hands every feature still being read to the sink. */
  void drain() {
    if (!chunk.isEmpty()) {
      submit();
    }
    while (!pending.isEmpty()) {
      sinkOldest();
    }
  }

  private void submit() {
    List<JsonNode> nodes = chunk;
    chunk = new ArrayList<>(CHUNK);
    pending.add(CompletableFuture.supplyAsync(
        () -> nodes.stream().map(this::read).toList(), ForkJoinPool.commonPool()));
    while (pending.size() > AHEAD) {
      sinkOldest();
    }
  }

  private void sinkOldest() {
    List<Read> results;
    try {
      results = pending.poll().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    results.forEach(r -> sink.accept(r.result(), r.metric()));
  }
}
