package org.jointworks.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.jointworks.support.Stores;
import org.jointworks.system.JointWorksProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The import warm-up gives the cores back to a real import between two features, not at the end
 * of its round of 8,000 (decision 107): at start-up beside a first import a round took 2–3 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportWarmUpYieldTest {
  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
  }

  @Autowired
  ImportService imports;
  @Autowired
  BulkInsert bulk;
  @Autowired
  JointWorksProperties properties;

  @Test
  void aRealImportStopsTheWarmUpBetweenTwoFeatures() {
    AtomicInteger asked = new AtomicInteger();
    // A real import starts while the warm-up reads its 100th feature or so.
    ImportWarmUp warmUp = new ImportWarmUp(imports, bulk, properties,
        () -> asked.incrementAndGet() > 100);
    long t0 = System.nanoTime();
    long taken = warmUp.warm();
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(taken).as("features taken before it stopped").isBetween(1L, 200L);
    assertThat(asked.get()).as("it asks once a feature and stops at the first yes")
        .isBetween(101, 104);
    assertThat(millis).as("no round of 8,000 features ran to its end").isLessThan(20_000);
  }

  @Test
  void noImportMeansItReadsWholeRoundsAndWritesThem() {
    AtomicInteger asked = new AtomicInteger();
    // No import until its third thousand: it has taken and written whole batches by then.
    ImportWarmUp warmUp = new ImportWarmUp(imports, bulk, properties,
        () -> asked.incrementAndGet() > 3_000);
    assertThat(warmUp.warm()).isBetween(2_000L, 3_000L);
  }
}
