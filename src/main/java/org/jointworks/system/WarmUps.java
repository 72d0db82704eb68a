package org.jointworks.system;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;

/**
 * Starts a warm-up: work that only compiles hot code before the first real request (decisions 97
 * and 101), on a low-priority daemon thread, once per JVM (the JIT is the JVM's, however many
 * contexts a test run starts). A failure is logged and nothing else: a warm-up only saves time.
 */
public final class WarmUps {
  private WarmUps() {}

  /** Runs {@code work} on a thread called {@code name} unless {@code started} was already set. */
  public static void startOnce(AtomicBoolean started, String name, Logger log, Runnable work) {
    if (!started.compareAndSet(false, true)) {
      return;
    }
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
}
