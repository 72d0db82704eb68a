package org.jointworks.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The request threads: last idle, first served; a full pool makes new work wait, not fail. */
class WorkerThreadsTest {
  @Test
  void theThreadThatFinishedLastTakesTheNextRequest() throws Exception {
    ThreadPoolExecutor pool = WorkerThreads.executor(0, 10);
    try {
      List<CountDownLatch> release = List.of(new CountDownLatch(1), new CountDownLatch(1),
          new CountDownLatch(1));
      List<CompletableFuture<Thread>> ran = new ArrayList<>();
      for (CountDownLatch l : release) {
        CompletableFuture<Thread> f = new CompletableFuture<>();
        pool.execute(() -> {
          f.complete(Thread.currentThread());
          await(l);
        });
        ran.add(f);
      }
      List<Thread> threads = new ArrayList<>();
      for (CompletableFuture<Thread> f : ran) {
        threads.add(f.get(5, TimeUnit.SECONDS));
      }
      assertThat(threads).doesNotHaveDuplicates();
      for (CountDownLatch l : release) { // they go idle in order: first, second, third
        l.countDown();
        Thread.sleep(100);
      }
      for (int i = 0; i < 5; i++) {
        CompletableFuture<Thread> next = new CompletableFuture<>();
        pool.execute(() -> next.complete(Thread.currentThread()));
        assertThat(next.get(5, TimeUnit.SECONDS)).isSameAs(threads.get(2));
        Thread.sleep(50);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFullPoolMakesTheNextRequestWaitForAFreeThread() throws Exception {
    ThreadPoolExecutor pool = WorkerThreads.executor(0, 2);
    try {
      CountDownLatch busy = new CountDownLatch(1);
      pool.execute(() -> await(busy));
      pool.execute(() -> await(busy));
      CompletableFuture<Void> third = new CompletableFuture<>();
      CompletableFuture<Void> submitted = CompletableFuture.runAsync(
          () -> pool.execute(() -> third.complete(null)));
      Thread.sleep(300);
      assertThat(submitted).isNotDone(); // the caller waits, nothing is refused
      busy.countDown();
      third.get(5, TimeUnit.SECONDS);
      submitted.get(5, TimeUnit.SECONDS);
      assertThat(pool.getLargestPoolSize()).isEqualTo(2);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch l) {
    try {
      l.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
