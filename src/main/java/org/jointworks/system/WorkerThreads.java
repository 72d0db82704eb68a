package org.jointworks.system;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.coyote.ProtocolHandler;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.stereotype.Component;

/**
 * The threads that answer requests, handed work last-idle-first. Tomcat's own pool wakes the
 * thread that has waited longest, so under a stream of short requests (a map's tiles) every one
 * of up to 200 threads takes turns: many runnable threads on two cores, each cold, and a request
 * whose thread is descheduled waits a whole time slice — the cached-tile p99 of 3–5 ms. Here a
 * {@link SynchronousQueue} (a stack of waiting threads) gives each request to the thread that
 * finished last, so a few hot threads carry the stream and the rest stay parked: p99 1.6–2.1 ms
 * (docs/benchmarks.md). A slow request (an import) still gets a thread of its own, up to
 * {@code server.tomcat.threads.max}; with all of them busy, the poller waits for the next free
 * thread instead of queueing, which holds back new work the same way Tomcat's queue did.
 * Spring Boot's {@code server.tomcat.threads.max} and {@code min-spare} keep their meaning.
 */
@Component
class WorkerThreads implements TomcatProtocolHandlerCustomizer<ProtocolHandler>, DisposableBean {
  private final ThreadPoolExecutor executor;

  WorkerThreads(@Value("${server.tomcat.threads.min-spare:10}") int minSpare,
      @Value("${server.tomcat.threads.max:200}") int max) {
    this.executor = executor(minSpare, max);
  }

  /** A pool of {@code min} to {@code max} threads that hands work to the last idle thread. */
  static ThreadPoolExecutor executor(int min, int max) {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(Math.min(min, max), max, 60,
        TimeUnit.SECONDS, new SynchronousQueue<>(false), r -> {
          Thread t = new Thread(r, "http-worker-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    pool.setRejectedExecutionHandler((task, full) -> {
      if (full.isShutdown()) {
        throw new RejectedExecutionException("the service is stopping");
      }
      try {
        full.getQueue().put(task); // every thread is busy: wait for the first one to finish
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RejectedExecutionException("interrupted while every worker was busy", e);
      }
    });
    return pool;
  }

  @Override
  public void customize(ProtocolHandler protocol) {
    protocol.setExecutor(executor);
  }

  @Override
  public void destroy() {
    // Called after the graceful shutdown phase: whatever still runs (a trickling upload, a long
    // parse) is interrupted, so its transaction rolls back and TERM ends the service (decision 22).
    executor.shutdownNow();
  }
}
