package org.jointworks.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jointworks.geo.Crs;
import org.locationtech.jts.geom.Geometry;

/**
 * Parses an import's body, reads and checks its features (geometry validity, fields:
 * {@link FeatureReader}) ahead of the thread that writes them (decisions 61, 85). The body is
 * parsed on a thread of its own ({@code import-parse}); every chunk of features it parses is
 * read on the import's reading threads, a few chunks ahead. The results reach {@code sink} on the
 * caller's thread in input order, so indexes, ids and the all-or-nothing rule are as if every
 * feature were read one by one; a failure of the parse (malformed JSON, a limit, not a
 * FeatureCollection) reaches the caller at its place in that order, after the features before it.
 * So the writing thread — the embedded store's inserts are the import's bottleneck — does
 * nothing but the rules, the ids and the inserts. Each valid feature's columns are prepared for
 * the store (decision 101), and its geometry transformed to the metric CRS when one is given
 * (the warm-up gives one, to compile the transform; an import does not, decision 112).
 *
 * <p>The parse thread is always joined before {@link #run} returns: the body (a servlet request's
 * stream) is never read after the request ends. Not thread-safe: one per import.
 */
final class ReadAhead {
  /** Features read together on another core. */
  static final int CHUNK = 500;
  /** Chunks parsed and being read ahead of the writing thread, unless told otherwise. */
  static final int AHEAD = 4;
  /**
   * The reading threads, shared by every import: as many as there are cores, named, kept. Not
   * the common pool: on a 2-core machine its parallelism is 1, and CompletableFuture then starts a
   * new thread for every chunk (decision 101).
   */
  private static final ExecutorService READERS = Executors.newFixedThreadPool(
      Math.max(2, Runtime.getRuntime().availableProcessors()), new ThreadFactory() {
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
          Thread t = new Thread(r, "import-read-" + next.incrementAndGet());
          t.setDaemon(true);
          return t;
        }
      });
  /** Marks the end of the body in the queue (compared by identity). */
  private static final CompletableFuture<List<Read>> END =
      CompletableFuture.completedFuture(List.of());

  private final FeatureReader reader;
  private final Sink sink;
  private final Function<Feature, PreparedColumns> preparer;
  /** The metric CRS to transform to, or 0 for none. */
  private final int metricEpsg;
  private final BlockingQueue<CompletableFuture<List<Read>>> pending;
  /** Set by the writing thread when it stops early: the parse stops at the next feature. */
  private volatile boolean stopped;

  /**
   * A feature read and checked, with its geometry in the metric CRS (or null) and its columns
   * prepared for the store (null when it is not valid).
   */
  private record Read(FeatureReader.Result result, Geometry metric, PreparedColumns columns) {}

  /** Takes each feature read, on the writing thread, in input order. */
  interface Sink {
    void accept(FeatureReader.Result result, Geometry metric, PreparedColumns columns);
  }

  /** The body's parse: hands each feature to {@code features}, in order. */
  interface Body {
    void parse(Consumer<StreamedFeature> features);
  }

  /** What to throw when the writing thread is interrupted while it waits (the service stops). */
  private final Supplier<RuntimeException> interrupted;

  /**
   * {@code sink} gets each result with its metric geometry (null when not transformed) and what
   * {@code preparer} made of its feature.
   */
  ReadAhead(FeatureReader reader, int metricEpsg, Function<Feature, PreparedColumns> preparer,
      Sink sink, Supplier<RuntimeException> interrupted) {
    this(reader, metricEpsg, preparer, sink, interrupted, AHEAD);
  }

  /** As above, with up to {@code ahead} chunks parsed and being read ahead of the sink. */
  ReadAhead(FeatureReader reader, int metricEpsg, Function<Feature, PreparedColumns> preparer,
      Sink sink, Supplier<RuntimeException> interrupted, int ahead) {
    this.pending = new ArrayBlockingQueue<>(ahead + 1);
    this.interrupted = interrupted;
    this.preparer = preparer;
    this.reader = reader;
    this.metricEpsg = metricEpsg;
    this.sink = sink;
  }

  /**
   * Parses {@code body} on the parse thread and hands every feature to the sink on this thread;
   * returns once all are handed, or throws what the parse, a read or the sink threw.
   */
  void run(Body body) {
    Thread parse = new Thread(() -> parse(body), "import-parse");
    parse.setDaemon(true);
    parse.start();
    try {
      while (true) {
        CompletableFuture<List<Read>> next = pending.take();
        if (next == END) {
          return;
        }
        List<Read> results;
        try {
          results = next.join();
        } catch (CompletionException e) {
          throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        results.forEach(r -> sink.accept(r.result(), r.metric(), r.columns()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted.get();
    } finally {
      stopped = true;
      pending.clear();
      boolean joinInterrupted = false;
      while (parse.isAlive()) {
        pending.clear(); // a parse blocked on a full queue moves on and sees `stopped`
        try {
          parse.join(50);
        } catch (InterruptedException e) {
          joinInterrupted = true;
        }
      }
      if (joinInterrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void parse(Body body) {
    List<StreamedFeature> chunk = new ArrayList<>(CHUNK);
    try {
      body.parse(node -> {
        if (stopped) {
          throw new Stopped();
        }
        chunk.add(node);
        if (chunk.size() == CHUNK) {
          submit(List.copyOf(chunk));
          chunk.clear();
        }
      });
      if (!chunk.isEmpty()) {
        submit(List.copyOf(chunk));
      }
      put(END);
    } catch (Stopped e) {
      // The writer stopped early and no longer reads the queue.
    } catch (RuntimeException | Error e) {
      try {
        put(CompletableFuture.failedFuture(e));
      } catch (Stopped s) {
        // The writer stopped first; its own failure is the answer.
      }
    }
  }

  private void submit(List<StreamedFeature> nodes) {
    put(CompletableFuture.supplyAsync(() -> nodes.stream().map(this::read).toList(), READERS));
  }

  private void put(CompletableFuture<List<Read>> f) {
    try {
      while (!pending.offer(f, 50, TimeUnit.MILLISECONDS)) {
        if (stopped) {
          throw new Stopped();
        }
      }
    } catch (InterruptedException e) {
      throw new Stopped();
    }
  }

  private Read read(StreamedFeature feature) {
    FeatureReader.Result r = reader.read(feature.node(), feature.geometry());
    if (!r.ok()) {
      return new Read(r, null, null);
    }
    Geometry g = metricEpsg > 0 ? r.feature().geometry() : null;
    return new Read(r, g == null ? null : Crs.transform(g, Crs.LONLAT, metricEpsg),
        preparer.apply(r.feature()));
  }

  /** Ends the parse thread quietly once the writer has stopped. */
  private static final class Stopped extends RuntimeException {
    Stopped() {
      super(null, null, false, false);
    }
  }
}
