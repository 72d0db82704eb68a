package org.jointworks.linkage;

import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jointworks.linkage.engine.AdjacentPair;
import org.jointworks.linkage.engine.WarmUp;
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
 * adjacency answer after an import does not run interpreted (decision 97). Once per JVM: the JIT
 * is the JVM's, however many contexts a test run starts. Off with
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

  private final ObjectMapper json;

  AdjacencyWarmUp(ObjectMapper json) {
    this.json = json;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    WarmUps.startOnce(STARTED, "adjacency-warm-up", log, this::warm);
  }

  private void warm() {
    WarmUp.run(pairs -> {
      try (JsonGenerator g = json.createGenerator(OutputStream.nullOutputStream())) {
        g.writeStartArray();
        ListAnswers.ItemWriter<AdjacentPair> writer = AdjacencyLists.writer();
        for (AdjacentPair p : pairs) {
          writer.write(g, p);
        }
        g.writeEndArray();
      }
    });
  }
}
