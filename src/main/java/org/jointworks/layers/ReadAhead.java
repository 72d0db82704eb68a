package org.jointworks.layers;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Reads and checks an import's features (geometry validity, fields: {@link FeatureReader}) in
 * chunks on the common fork/join pool, a few chunks ahead of the thread that parses the body and
 * writes (decision 61). The results reach {@code sink} on the caller's thread in input order, so
 * indexes, ids and the all-or-nothing rule are as if every feature were read one by one.
 *
 * <p>Not thread-safe: one per import, used by the import's thread.
 */
final class ReadAhead {
  /** Features read together on another core. */
  private static final int CHUNK = 500;
  /** Chunks being read ahead of the writing thread. */
  private static final int AHEAD = 4;

  private final FeatureReader reader;
  private final Consumer<FeatureReader.Result> sink;
  private final ArrayDeque<CompletableFuture<List<FeatureReader.Result>>> pending =
      new ArrayDeque<>();
  private List<JsonNode> chunk = new ArrayList<>(CHUNK);

  ReadAhead(FeatureReader reader, Consumer<FeatureReader.Result> sink) {
    this.reader = reader;
    this.sink = sink;
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
        () -> nodes.stream().map(reader::read).toList(), ForkJoinPool.commonPool()));
    while (pending.size() > AHEAD) {
      sinkOldest();
    }
  }

  private void sinkOldest() {
    List<FeatureReader.Result> results;
    try {
      results = pending.poll().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    results.forEach(sink);
  }
}
