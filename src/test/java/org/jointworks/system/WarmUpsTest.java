package org.jointworks.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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

  /**
   * The compilers' CPU time (decision 108): found by the threads' names in {@code /proc}, read
   * after the name however many spaces and parentheses it holds, and more than nothing in a JVM
   * that has run this test (its classes were compiled).
   */
  @Test
  void passesRunTheFirstRoundsAtOnceLaterOnesOnlyThroughTheGateAndNoneWhenItIsShut()
      throws Exception {
    java.util.List<Integer> ran = new java.util.ArrayList<>();
    java.util.List<Integer> asked = new java.util.ArrayList<>();
    WarmUps.inPasses(3, 8, 2, 1_000, pass -> asked.add(pass) && pass == 0, ran::add);
    assertThat(ran).as("the first pass, then the gate shut the second").containsExactly(8);
    // Asked again only if the first pass still kept the compilers busy.
    assertThat(asked).startsWith(0).hasSizeLessThanOrEqualTo(2);

    ran.clear();
    WarmUps.inPasses(3, 8, 2, 1_000, pass -> false, ran::add);
    assertThat(ran).as("a shut gate: no pass at all").isEmpty();

    ran.clear();
    WarmUps.inPasses(3, 8, 2, 1_000, pass -> true, ran::add);
    assertThat(ran).as("the first pass's rounds, then later passes' rounds")
        .hasSizeBetween(1, 3).startsWith(8);
    assertThat(ran.subList(1, ran.size())).allMatch(r -> r == 2);
  }

  @Test
  void theCompilersClockIsTheirThreadsCpuTimeOnLinux() {
    String c2 = "4242 (C2 CompilerThre) S 1 1 1 0 -1 4194368 0 0 0 0 153 27 0 0 20 0 40 0";
    assertThat(CompilerThreads.isCompiler(c2)).isTrue();
    assertThat(CompilerThreads.statTicks(c2)).isEqualTo(180);
    String c1 = "7 (C1 CompilerThre) R 1 1 1 0 -1 0 0 0 0 0 4 1";
    assertThat(CompilerThreads.isCompiler(c1)).isTrue();
    String odd = "99 (a) (C2 x) S 1 1 1 0 -1 0 0 0 0 0 5 6 0 0";
    assertThat(CompilerThreads.isCompiler(odd)).as("a name that merely holds it").isFalse();
    assertThat(CompilerThreads.statTicks(odd)).isEqualTo(11);
    assertThat(CompilerThreads.isCompiler("12 (http-worker-1) S 1")).isFalse();
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")) || System.getenv("CI") != null,
        "no /proc here: the JVM's own compilation time is used instead");
    long before = CompilerThreads.cpuMillis().orElseThrow();
    long clock = WarmUps.compileMillis();
    long after = CompilerThreads.cpuMillis().orElseThrow();
    assertThat(before).isPositive();
    assertThat(clock).as("the warm-up's clock is the threads' CPU time").isBetween(before, after);
  }
}
