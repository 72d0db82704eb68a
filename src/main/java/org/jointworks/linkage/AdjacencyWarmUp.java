package org.jointworks.linkage;

import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jointworks.linkage.engine.AdjacentPair;
import org.jointworks.linkage.engine.WarmUp;
import org.jointworks.system.ForegroundRequests;
import org.jointworks.system.JointWorksProperties;
import org.jointworks.system.WarmUps;
import org.jointworks.system.lists.ListAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * Once the service is up, compiles the adjacency engine's and the pairs' writer's hot paths on a
 * background thread ({@link WarmUp}: a made-up city, nothing of the store), so the first real
 * adjacency answer after an import does not run interpreted (decision 97), and the engine
 * prepared from an import's hand-over is not compiled beside the import (decision 117). The
 * city is built as a snapshot is, from lon/lat features through the metric transform and the
 * index; a first pass at once, then, while a pass still kept the compilers busy, up to two more
 * once they are idle, as the import's warm-up does (decision 106): run while C2's queue is long,
 * the engine's loops stayed in C1's code and were compiled during the first import. A later pass
 * waits for a pause in the API requests, and no round starts while one runs. Once per JVM: the
 * JIT is the JVM's, however many contexts a test run starts. Off with
 * {@code jointworks.linkage.warm-up=false}.
 *
 * <p>Thread-safe.
 */
@Component
@ConditionalOnProperty(name = "jointworks.linkage.warm-up", havingValue = "true",
    matchIfMissing = true)
class AdjacencyWarmUp {
  private static final Logger log = LoggerFactory.getLogger(AdjacencyWarmUp.class);
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  private static final int FIRST_ROUNDS = 8;
  private static final int PASSES = 3;
  private static final int LATER_ROUNDS = 2;
  /** How long a later pass waits for the JIT's queue to drain. */
  private static final long QUIET_WAIT_MILLIS = 15_000;
  /** A later pass runs only when no API request has run for this long. */
  private static final long REQUESTS_QUIET_MILLIS = 1_000;

  private final ObjectMapper json;
  private final int metricEpsg;
  private final ForegroundRequests foreground;

  AdjacencyWarmUp(ObjectMapper json, JointWorksProperties properties,
      ForegroundRequests foreground) {
    this.json = json;
    this.metricEpsg = properties.metricCrs();
    this.foreground = foreground;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    WarmUps.startOnce(STARTED, "adjacency-warm-up", log, this::warm);
  }

  private void warm() {
    try {
      // A later pass only in a pause of the API requests; between two rounds it gives the cores
      // to an API request running now: a round is a snapshot and an engine of 5,184
      // communities, a few hundred milliseconds of both cores.
      WarmUps.inPasses(PASSES, FIRST_ROUNDS, LATER_ROUNDS, QUIET_WAIT_MILLIS,
          pass -> pass == 0 || awaitNoRequests(),
          rounds -> WarmUp.run(metricEpsg, rounds, () -> foreground.quietFor(0), this::write));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the service is stopping: nothing left to warm
    }
  }

  /**
   * Waits, at most {@link #QUIET_WAIT_MILLIS}, for a pause in the API requests; whether one
   * came.
   */
  private boolean awaitNoRequests() throws InterruptedException {
    long until = System.nanoTime() + QUIET_WAIT_MILLIS * 1_000_000;
    while (!foreground.quietFor(REQUESTS_QUIET_MILLIS)) {
      if (System.nanoTime() > until) {
        return false;
      }
      Thread.sleep(100);
    }
    return true;
  }

  private void write(List<AdjacentPair> pairs) {
    try (JsonGenerator g = json.createGenerator(OutputStream.nullOutputStream())) {
      g.writeStartArray();
      ListAnswers.ItemWriter<AdjacentPair> writer = AdjacencyLists.writer();
      for (AdjacentPair p : pairs) {
        writer.write(g, p);
      }
      g.writeEndArray();
    }
  }
}
