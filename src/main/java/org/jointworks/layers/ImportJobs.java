package org.jointworks.layers;

import jakarta.annotation.PreDestroy;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.jointworks.clock.BusinessClock;
import org.jointworks.system.ApiException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs imports in the background (decision 62): the body is spooled to a temporary file by the
 * request, which answers 202 at once; one daemon thread runs the jobs one after the other, each
 * as the user who posted it, through the same all-or-nothing {@link ImportService}. Jobs are
 * held in this instance's memory for an hour after they end; they survive neither a restart nor
 * a change of instance: an id of another run reads as failed (the transaction of an import cut
 * by a stop rolls back, so nothing was stored). Thread-safe.
 */
@Component
public class ImportJobs {
  private static final Duration KEPT = Duration.ofHours(1);

  private final ImportService imports;
  private final BusinessClock clock;
  private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "import-jobs");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();
  /** Differs between runs, so an id names the run that accepted it. */
  private final String run = Long.toString(System.nanoTime() ^ System.currentTimeMillis(), 36)
      .replace("-", "");
  private final AtomicLong next = new AtomicLong();

  ImportJobs(ImportService imports, BusinessClock clock) {
    this.imports = imports;
    this.clock = clock;
  }

  /** Queues the import of {@code spooled} (deleted when the job ends) as the current user. */
  ImportJob submit(Layer layer, Path spooled, String owner) throws IOException {
    prune();
    String id = run + "-" + next.incrementAndGet();
    ImportJob job = new ImportJob(id, layer, owner, Files.size(spooled), clock.now());
    jobs.put(id, job);
    SecurityContext context = SecurityContextHolder.getContext();
    runner.execute(() -> runAs(context, job, layer, spooled));
    return job;
  }

  private void runAs(SecurityContext context, ImportJob job, Layer layer, Path spooled) {
    SecurityContextHolder.setContext(context);
    job.running();
    try (InputStream in = new Counting(Files.newInputStream(spooled), job.bytesRead)) {
      ImportService.ImportResult r = imports.importGeoJson(layer, in, job);
      job.succeeded(r.imported(), clock.now());
    } catch (ApiException e) {
      job.failed(e.status().value(), e.code(), e.getMessage(), e.errors(), clock.now());
    } catch (Exception e) {
      job.failed(500, "import.failed", "the import failed; nothing was stored", null,
          clock.now());
    } finally {
      SecurityContextHolder.clearContext();
      try {
        Files.deleteIfExists(spooled);
      } catch (IOException e) {
        // a temporary file left behind is removed with the temporary directory
      }
    }
  }

  /**
   * Starts the import of the GeoJSON file {@code spooled} (deleted when the job ends) into
   * {@code layer} as a job of the current user, once the user may write the layer; answers the
   * job as {@code GET /api/imports/jobs/{id}} does (its {@code id} included). For the other
   * import doors ({@code /api/files/import?async=true}).
   */
  public Map<String, Object> start(Layer layer, Path spooled) throws IOException {
    String owner = LayerAccess.checkLayer(layer).getUsername();
    return submit(layer, spooled, owner).toJson();
  }

  Optional<ImportJob> find(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  /** Whether {@code id} was handed out by another run (so its job is gone, or elsewhere). */
  boolean ofAnotherRun(String id) {
    return id.matches("[0-9a-z]+-[0-9]+") && !id.startsWith(run + "-");
  }

  private void prune() {
    Instant before = clock.now().minus(KEPT);
    jobs.values().removeIf(j -> j.finishedAt() != null && j.finishedAt().isBefore(before));
  }

  /** A stop interrupts the running import, which then rolls back (ImportService). */
  @PreDestroy
  void stop() {
    runner.shutdownNow();
  }

  /** Counts the bytes the import has read, for the job's percentage. */
  private static final class Counting extends FilterInputStream {
    private final AtomicLong count;

    Counting(InputStream in, AtomicLong count) {
      super(in);
      this.count = count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count.addAndGet(n);
      }
      return n;
    }
  }
}
