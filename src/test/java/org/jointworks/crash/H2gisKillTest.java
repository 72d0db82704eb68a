package org.jointworks.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The kill harness on the embedded store: {@code -Djointworks.kills=N} kills (10 by default, as
 * in {@code ./mvnw verify}); {@code -Djointworks.kill-seed=S} repeats a run. docs/operations.md.
 */
class H2gisKillTest {
  @Test
  void embeddedStoreSurvivesKillNineAtRandomMoments() throws Exception {
    int kills = Integer.getInteger("jointworks.kills", 10);
    long seed = Long.getLong("jointworks.kill-seed", System.nanoTime());
    Path dir = Files.createTempDirectory("jointworks-kill-h2");
    Path logs = Path.of("target", "crash", "h2gis-" + seed);
    int[] n = {0};
    KillHarness harness = new KillHarness(
        () -> ServiceProcess.h2gis(dir, logs.resolve("start-" + (n[0]++) + ".log")), seed, "h2r");
    KillHarness.Outcome outcome = harness.run(kills);
    System.out.println("H2GIS kill harness (seed " + seed + "): " + outcome);
    assertThat(outcome.problems()).isEmpty();
    assertThat(outcome.storesLost()).isZero();
    assertThat(outcome.partialImports()).isZero();
    assertThat(outcome.ackedLost()).isZero();
    assertThat(outcome.ackedWrites()).as("the workload wrote something").isPositive();
  }
}
