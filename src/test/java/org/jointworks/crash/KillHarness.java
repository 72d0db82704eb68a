package org.jointworks.crash;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills the real service with {@code kill -9} at random moments and restarts it on the same store,
 * checking each time that the store opens, that every import is all or nothing, and that every
 * acknowledged write is there.
 *
 * <p>Each cycle starts the service, waits until it is ready, checks the previous cycle's writes,
 * starts one workload (imports, REST edits, OGC API edits, linked-area writes, all of them at once,
 * or nothing) in loops on background threads, and kills the JVM 0–2.5 s later. At the end the
 * service is started once more and every acknowledged write of the run is checked again, so a
 * later crash that lost an earlier write is caught too. Not thread-safe: one run at a time.
 */
final class KillHarness {
  private static final Logger LOG = LoggerFactory.getLogger(KillHarness.class);
  private static final Duration START = Duration.ofSeconds(240);

  enum Kind { IMPORTS, REST, OGC, LINKED_AREAS, EVERYTHING, IDLE }

  /** What a run found. */
  record Outcome(int kills, int storesLost, int partialImports, int ackedWrites, int ackedLost,
      int importsCut, int importsStored, Duration took, List<String> problems) {
    @Override
    public String toString() {
      return kills + " kills in " + took.toSeconds() + " s: " + storesLost + " stores lost, "
          + partialImports + " partial imports, " + ackedLost + " of " + ackedWrites
          + " acknowledged writes lost; imports: " + importsStored + " stored whole, "
          + importsCut + " cut and absent" + (problems.isEmpty() ? "" : "; " + problems);
    }
  }

  private final Supplier<ServiceProcess> service;
  private final SplittableRandom random;
  private final Workload work;
  private final List<String> problems = new ArrayList<>();
  private int storesLost;
  private int partialImports;
  private int ackedLost;
  private int importsCut;
  private int importsStored;
  /**
   * The highest feature id created in the service's earlier lives: every id a later life hands
   * out must be above it, as the store's id sequence restarts after any range it had cached when
   * killed (decision 113), never inside it.
   */
  private long highestIdBefore;

  KillHarness(Supplier<ServiceProcess> service, long seed, String runToken) {
    this.service = service;
    this.random = new SplittableRandom(seed);
    this.work = new Workload(runToken);
  }

  Outcome run(int kills) throws IOException {
    long t0 = System.nanoTime();
    int checkedAcked = 0;
    int checkedImports = 0;
    for (int k = 0; k <= kills; k++) {
      ServiceProcess s = startOnce();
      if (s == null) {
        break;
      }
      work.target(s.base());
      int ackedNow = work.acked.size();
      int importsNow = work.imports.size();
      check(checkedAcked, ackedNow, checkedImports, importsNow);
      checkIdsAfterKill(checkedAcked, ackedNow);
      checkedAcked = ackedNow;
      checkedImports = importsNow;
      if (k == kills) {
        check(0, ackedNow, 0, 0); // every acknowledged write of the run, once more
        s.term(Duration.ofSeconds(30));
        s.kill9();
        break;
      }
      Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
      long delay = random.nextLong(2500);
      List<Thread> threads = load(kind);
      ServiceProcess.sleep(delay);
      s.kill9();
      for (Thread t : threads) {
        join(t);
      }
      LOG.info("kill {} of {}: {} after {} ms; so far {}", k + 1, kills, kind, delay,
          new Outcome(k + 1, storesLost, partialImports, work.acked.size(), ackedLost,
              importsCut, importsStored, Duration.ofNanos(System.nanoTime() - t0), problems));
    }
    return new Outcome(kills, storesLost, partialImports, work.acked.size(), ackedLost,
        importsCut, importsStored, Duration.ofNanos(System.nanoTime() - t0), List.copyOf(problems));
  }

  /**
   * Starts the service; a start refused by the shared PostgreSQL for lack of connection slots
   * ("too many clients", other users of the cluster) is the machine's fault, not the store's, and
   * is retried a few times and counted apart.
   */
  private ServiceProcess startOnce() {
    for (int attempt = 0; ; attempt++) {
      ServiceProcess s = service.get().start();
      if (s.awaitReady(START)) {
        return s;
      }
      s.kill9();
      if (attempt < 5 && s.logText().contains("too many clients")) {
        LOG.warn("PostgreSQL had no connection slot free; starting again");
        ServiceProcess.sleep(5000);
        continue;
      }
      storesLost++;
      problems.add("the store did not open; log " + s.log());
      return null;
    }
  }

  private void check(int fromAcked, int toAcked, int fromImports, int toImports)
      throws IOException {
    for (Workload.Acked a : work.acked.subList(fromAcked, toAcked)) {
      String problem = work.check(a);
      if (problem != null) {
        ackedLost++;
        problems.add(problem);
        LOG.warn(problem);
      }
    }
    for (Workload.Import i : work.imports.subList(fromImports, toImports)) {
      int n = work.stored(i);
      if (n != 0 && n != i.size()) {
        partialImports++;
        problems.add("import " + i.token() + ": " + n + " of " + i.size() + " features stored");
      } else if (n == 0 && i.acked()) {
        ackedLost++;
        problems.add("import " + i.token() + " acknowledged but absent");
      } else if (n == 0) {
        importsCut++;
      } else {
        importsStored++;
      }
    }
  }

  /** The features created in one life of the service, against the ids of the lives before it. */
  private void checkIdsAfterKill(int fromAcked, int toAcked) {
    long highest = highestIdBefore;
    for (Workload.Acked a : work.acked.subList(fromAcked, toAcked)) {
      long id = a.createdId();
      if (id > 0 && id <= highestIdBefore) {
        problems.add(a.what() + " " + a.path() + " took id " + id + " after a kill, at or below "
            + highestIdBefore + " handed out before it");
      }
      highest = Math.max(highest, id);
    }
    highestIdBefore = highest;
  }

  /** The workload's writers, looping until the kill makes their requests fail. */
  private List<Thread> load(Kind kind) {
    List<Thread> threads = new ArrayList<>();
    if (kind == Kind.IMPORTS || kind == Kind.EVERYTHING) {
      threads.add(loop(work::importOnce));
    }
    if (kind == Kind.REST || kind == Kind.EVERYTHING) {
      threads.add(loop(work::restEdit));
    }
    if (kind == Kind.OGC || kind == Kind.EVERYTHING) {
      threads.add(loop(work::ogcEdit));
    }
    if (kind == Kind.LINKED_AREAS || kind == Kind.EVERYTHING) {
      threads.add(loop(work::linkedArea));
    }
    return threads;
  }

  private interface Write {
    void once() throws IOException;
  }

  private static Thread loop(Write write) {
    AtomicBoolean running = new AtomicBoolean(true);
    Thread t = new Thread(() -> {
      while (running.get()) {
        try {
          write.once();
        } catch (IOException | RuntimeException e) {
          running.set(false); // the service is gone
        }
      }
    }, "kill-harness-writer");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void join(Thread t) {
    try {
      t.join(70_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
