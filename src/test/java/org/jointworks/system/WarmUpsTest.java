package org.jointworks.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The classes a warm-up loads first (decision 105) exist under the names listed: a name that no
 * longer resolves after an upgrade would silently stop protecting the compiled import. And the
 * compilers' clock the import warm-up waits on (decision 106).
 */
class WarmUpsTest {
  @Test
  void everyLateClassIsOnTheClassPathAndLoaded() throws Exception {
    WarmUps.loadLateClasses();
    for (String name : WarmUps.LATE_CLASSES) {
      assertThat(Class.forName(name, false, WarmUps.class.getClassLoader())).as(name).isNotNull();
    }
  }

  /**
   * The JIT's clock the import warm-up paces itself by (decision 106): it moves, a wait for quiet
   * ends within its bound even while something keeps compiling, and a pass counts as still
   * compiling only when the compilers worked for more than a fifth of it.
   */
  @Test
  void theWarmUpsPaceReadsTheCompilersClockAndWaitsNoLongerThanAllowed() throws Exception {
    long before = WarmUps.compileMillis();
    assertThat(before).as("HotSpot reports its compilation time").isPositive();
    long t0 = System.nanoTime();
    WarmUps.awaitQuietJit(300);
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2_000);
    assertThat(WarmUps.compileMillis()).isGreaterThanOrEqualTo(before);
    long now = WarmUps.compileMillis();
    // All of the JVM's compiling so far, over as long a time: more than a fifth of it.
    assertThat(WarmUps.stillCompiling(0, now)).isTrue();
    // Nothing compiled since now, over a second: less.
    assertThat(WarmUps.stillCompiling(now + 1, 1_000)).isFalse();
    assertThat(WarmUps.stillCompiling(-1, 1_000)).as("a JVM that does not tell").isFalse();
  }
}
