package org.jointworks.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.JsonNode;

/**
 * How far the import's parse runs ahead of its writer (decision 114): far enough to go on while
 * the store takes a batch, and no further, because everything parsed and not yet written is
 * live data the collector copies at each of the import's young pauses.
 */
class ReadAheadDepthTest {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final JsonNode FEATURE = JSON.readTree("{\"type\":\"Feature\",\"geometry\":"
      + "{\"type\":\"Point\",\"coordinates\":[113.9,35.3]},\"properties\":{\"name\":\"小区\"}}");

  @Test
  void aPostgisImportReadsHalfACopyAheadAndTheEmbeddedStoreFourChunks() {
    assertThat(ImportService.readAheadChunks(ImportService.COPY_BATCH) * ReadAhead.CHUNK)
        .isEqualTo(ImportService.COPY_BATCH / 2);
    assertThat(ImportService.readAheadChunks(ImportService.BATCH)).isEqualTo(ReadAhead.AHEAD);
  }

  /**
   * A writer that stops for 150 ms at every batch, as the store takes one: the parse fills the
   * depth it is given meanwhile, and never more than that depth, the chunk being handed and
   * the chunk being gathered.
   */
  @Test
  void theParseFillsItsDepthWhileTheWriterWaitsAndGoesNoFurther() {
    int ahead = ImportService.readAheadChunks(ImportService.COPY_BATCH);
    int batch = ImportService.COPY_BATCH;
    int total = 4 * batch;
    AtomicInteger parsed = new AtomicInteger();
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger mostAhead = new AtomicInteger();
    FeatureReader reader = new FeatureReader(Layer.COMMUNITIES, Set.of(), Set.of());
    ReadAhead readAhead = new ReadAhead(reader, 0, f -> null, (result, metric, columns) -> {
      int n = accepted.incrementAndGet();
      mostAhead.accumulateAndGet(parsed.get() - n, Math::max);
      if (n % batch == 0) {
        try {
          Thread.sleep(150);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        mostAhead.accumulateAndGet(parsed.get() - n, Math::max);
      }
    }, IllegalStateException::new, ahead);

    readAhead.run(features -> {
      for (int i = 0; i < total; i++) {
        parsed.incrementAndGet();
        features.accept(new StreamedFeature(FEATURE, null));
      }
    });

    assertThat(accepted.get()).isEqualTo(total);
    // The queue holds `ahead + 1` chunks; one more is with the writer, one more being gathered.
    assertThat(mostAhead.get()).isLessThanOrEqualTo((ahead + 3) * ReadAhead.CHUNK)
        .isGreaterThanOrEqualTo(ahead * ReadAhead.CHUNK);
  }
}
