package org.jointworks.system;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;

/**
 * Starts a warm-up: work that only compiles hot code before the first real request (decisions 97
 * and 101), on a low-priority daemon thread, once per JVM (the JIT is the JVM's, however many
 * contexts a test run starts). A failure is logged and nothing else: a warm-up only saves time.
 */
public final class WarmUps {
  /**
   * Classes that a first request or a first answer loads late, each a subclass or implementation
   * the compiled code had not seen (decision 105). The JIT compiles a call whose receiver class
   * has one implementation of the method as a direct call and throws that code away when a
   * second one is loaded: a compilation log showed the import's feature reader, compiled by the
   * warm-up, discarded the moment the first import's request loaded Spring MVC's model map (a
   * LinkedHashMap that overrides put), and compiled again during the import, about 1.5 CPU-s.
   * Loaded and initialised before any warm-up compiles (the JIT counts a class once it is linked,
   * and only initialisation links it for sure; these have no start-up work of their own); a
   * class not on the class path is skipped.
   */
  static final List<String> LATE_CLASSES = List.of(
      // every handler invocation's model: a LinkedHashMap overriding put and putAll
      "org.springframework.validation.support.BindingAwareModelMap",
      // Jackson's parser and generator over chars, and its array node: the import streams bytes
      // and keeps no arrays as nodes, the first answer or export then loads them
      "tools.jackson.core.json.ReaderBasedJsonParser",
      "tools.jackson.core.json.WriterBasedJsonGenerator",
      "tools.jackson.databind.node.ArrayNode",
      // JTS's other coordinates and sequences, first made by the snapshots after an import
      "org.locationtech.jts.geom.CoordinateXY",
      "org.locationtech.jts.geom.CoordinateXYM",
      "org.locationtech.jts.geom.CoordinateXYZM",
      "org.locationtech.jts.geom.impl.PackedCoordinateSequence$Double",
      "org.locationtech.jts.geom.impl.PackedCoordinateSequence$Float",
      // H2's values and map decisions that its writes use only after a first import (the
      // embedded store's write path was compiled again for the second import)
      "org.h2.value.ValueVarbinary",
      "org.h2.mvstore.MVMap$RewriteDecisionMaker",
      // read-only and long views of byte buffers
      "java.nio.HeapByteBufferR",
      "java.nio.ByteBufferAsLongBufferB");
  private static final AtomicBoolean LOADED = new AtomicBoolean();
  private static final long QUIET_POLL_MILLIS = 100;
  /** A poll in which the compilers worked this long or less counts as quiet. */
  private static final long QUIET_COMPILE_MILLIS = 5;

  private WarmUps() {}

  /** Runs {@code work} on a thread called {@code name} unless {@code started} was already set. */
  public static void startOnce(AtomicBoolean started, String name, Logger log, Runnable work) {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    loadLateClasses();
    Thread t = new Thread(() -> {
      long t0 = System.nanoTime();
      try {
        work.run();
        log.debug("{} took {} ms", name, (System.nanoTime() - t0) / 1_000_000);
      } catch (RuntimeException e) {
        log.warn(name + " failed", e);
      }
    }, name);
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  /** One pass of a warm-up: {@code rounds} rounds of its made-up work. */
  public interface Pass<E extends Exception> {
    void run(int rounds) throws E;
  }

  /** Whether pass {@code pass} (0 the first) may start now; it may wait for its moment. */
  public interface Gate {
    boolean open(int pass) throws InterruptedException;
  }

  /**
   * Runs a warm-up in passes (decisions 106 and 117): the first of {@code firstRounds} at once;
   * then, for as long as the last pass still kept the compilers busy ({@link #stillCompiling}),
   * up to {@code passes - 1} more of {@code laterRounds}, each once the JIT has been quiet
   * ({@link #awaitQuietJit}, at most {@code quietWaitMillis}); any pass only when {@code gate}
   * opens, asked before that wait. While C2's queue is long HotSpot raises its thresholds: code
   * run in the first rounds alone stayed in C1's profiled code until the first real request
   * compiled it.
   */
  public static <E extends Exception> void inPasses(int passes, int firstRounds,
      int laterRounds, long quietWaitMillis, Gate gate, Pass<E> pass)
      throws E, InterruptedException {
    for (int i = 0; i < passes; i++) {
      if (!gate.open(i) || (i > 0 && !awaitQuietJit(quietWaitMillis))) {
        return;
      }
      long compiled = compileMillis();
      long t0 = System.nanoTime();
      pass.run(i == 0 ? firstRounds : laterRounds);
      if (!stillCompiling(compiled, (System.nanoTime() - t0) / 1_000_000)) {
        return;
      }
    }
  }

  /**
   * Milliseconds the JVM's compilers have spent so far, or -1 where the JVM does not say. Waiting
   * for it to stand still is how a warm-up knows the JIT has caught up (decision 106). On Linux
   * it is the compiler threads' CPU time, which moves during a long compilation; elsewhere the
   * JVM's total, which moves only when one ends (decision 108).
   */
  public static long compileMillis() {
    OptionalLong cpu = CompilerThreads.cpuMillis();
    if (cpu.isPresent()) {
      return cpu.getAsLong();
    }
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime() : -1;
  }

  /**
   * Waits, at most {@code maxMillis}, until the compilers have been idle for two polls in a row;
   * whether they were.
   * A warm-up started while the service's own start-up code still queues for C2 runs its rounds
   * in C1's profiled code: HotSpot raises the C2 thresholds with the queue's length, and a
   * compilation log showed the import's parse path never reached C2 during its warm-up and was
   * compiled during the first import instead (decision 106).
   */
  public static boolean awaitQuietJit(long maxMillis) throws InterruptedException {
    long until = System.nanoTime() + maxMillis * 1_000_000;
    long last = compileMillis();
    int quiet = 0;
    while (last >= 0 && quiet < 2 && System.nanoTime() < until) {
      Thread.sleep(QUIET_POLL_MILLIS);
      long now = compileMillis();
      quiet = now - last <= QUIET_COMPILE_MILLIS ? quiet + 1 : 0;
      last = now;
    }
    return quiet >= 2;
  }

  /**
   * Whether the compilers worked for more than a fifth of the {@code elapsedMillis} in which
   * their total went from {@code compileBefore}: a warm-up round that still compiled this much
   * has not yet left its code compiled by C2.
   */
  public static boolean stillCompiling(long compileBefore, long elapsedMillis) {
    long now = compileMillis();
    return compileBefore >= 0 && now - compileBefore > elapsedMillis / 5;
  }

  /** Loads {@link #LATE_CLASSES}, once per JVM, on the calling thread (a few milliseconds). */
  static void loadLateClasses() {
    if (!LOADED.compareAndSet(false, true)) {
      return;
    }
    ClassLoader loader = WarmUps.class.getClassLoader();
    for (String name : LATE_CLASSES) {
      try {
        Class.forName(name, true, loader);
      } catch (ClassNotFoundException | LinkageError notHere) {
        // nothing compiled can depend on a class that is not there
      }
    }
  }
}
