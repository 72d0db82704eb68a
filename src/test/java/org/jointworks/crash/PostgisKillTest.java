package org.jointworks.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.jointworks.support.PostgisDatabase;
import org.junit.jupiter.api.Test;

/**
 * The kill harness on PostGIS (a schema of its own in {@code JOINTWORKS_TEST_POSTGIS_URL}):
 * {@code -Djointworks.kills=N} kills, 10 by default (as in verify). Skipped without PostGIS, except under CI.
 */
class PostgisKillTest {
  @Test
  void postgisSurvivesKillNineAtRandomMoments() throws Exception {
    boolean ci = "true".equals(System.getenv("CI"));
    assumeTrue(ci || PostgisDatabase.url() != null,
        "PostGIS kill harness skipped: set " + PostgisDatabase.URL_VARIABLE);
    int kills = Integer.getInteger("jointworks.kills", 10);
    long seed = Long.getLong("jointworks.kill-seed", System.nanoTime());
    String url = PostgisDatabase.freshSchemaUrl("kill");
    Path logs = Path.of("target", "crash", "postgis-" + seed);
    int[] n = {0};
    KillHarness harness = new KillHarness(
        () -> ServiceProcess.postgis(url, logs.resolve("start-" + (n[0]++) + ".log")), seed, "pgr");
    KillHarness.Outcome outcome = harness.run(kills);
    System.out.println("PostGIS kill harness (seed " + seed + "): " + outcome);
    assertThat(outcome.problems()).isEmpty();
    assertThat(outcome.storesLost()).isZero();
    assertThat(outcome.partialImports()).isZero();
    assertThat(outcome.ackedLost()).isZero();
    assertThat(outcome.ackedWrites()).as("the workload wrote something").isPositive();
  }
}
