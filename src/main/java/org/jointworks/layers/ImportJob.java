package org.jointworks.layers;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One asynchronous import (decision 62): its owner, its body's size, and its progress as the
 * import reports it. Lives in the memory of the instance that accepted it only. Thread-safe: the
 * job's runner writes, readers read volatile and atomic fields.
 */
final class ImportJob implements ImportService.Progress {
  enum State { QUEUED, RUNNING, SUCCEEDED, FAILED }

  private final String id;
  private final Layer layer;
  private final String owner;
  private final long bytesTotal;
  private final Instant createdAt;
  final AtomicLong bytesRead = new AtomicLong();
  private final AtomicLong parsed = new AtomicLong();
  private final AtomicLong stored = new AtomicLong();
  private volatile State state = State.QUEUED;
  private volatile Integer imported;
  private volatile Map<String, Object> error;
  private volatile Instant finishedAt;

  ImportJob(String id, Layer layer, String owner, long bytesTotal, Instant createdAt) {
    this.id = id;
    this.layer = layer;
    this.owner = owner;
    this.bytesTotal = bytesTotal;
    this.createdAt = createdAt;
  }

  String id() {
    return id;
  }

  String owner() {
    return owner;
  }

  Instant finishedAt() {
    return finishedAt;
  }

  @Override
  public void parsed(long rows) {
    parsed.set(rows);
  }

  @Override
  public void stored(long rows) {
    stored.set(rows);
  }

  void running() {
    state = State.RUNNING;
  }

  void succeeded(int count, Instant at) {
    imported = count;
    finishedAt = at;
    state = State.SUCCEEDED;
  }

  /** Failed: nothing stored (the import's transaction rolled back). */
  void failed(int status, String code, String detail, List<?> errors, Instant at) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("status", status);
    e.put("code", code);
    e.put("detail", detail);
    if (errors != null && !errors.isEmpty()) {
      e.put("errors", errors);
    }
    error = e;
    finishedAt = at;
    stored.set(0);
    state = State.FAILED;
  }

  /** The job as {@code GET /api/imports/jobs/{id}} answers it (docs/imports.md). */
  Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("layer", layer.id());
    out.put("owner", owner);
    out.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
    out.put("bytesTotal", bytesTotal);
    long read = Math.min(bytesRead.get(), bytesTotal);
    out.put("bytesRead", state == State.SUCCEEDED ? bytesTotal : read);
    out.put("percent", state == State.SUCCEEDED ? 100
        : bytesTotal == 0 ? 0 : (int) Math.min(99, read * 100 / bytesTotal));
    out.put("rowsParsed", parsed.get());
    out.put("rowsStored", stored.get());
    out.put("imported", imported);
    out.put("error", error);
    out.put("createdAt", createdAt.toString());
    out.put("finishedAt", finishedAt == null ? null : finishedAt.toString());
    return out;
  }

  /** What a job id of another run (an instance that stopped, or another instance) reads as. */
  static Map<String, Object> lost(String id) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("state", "failed");
    out.put("imported", null);
    out.put("error", Map.of("status", 410, "code", "import.job_lost", "detail",
        "the instance that ran this import stopped or is not this one; nothing was stored"));
    return out;
  }
}
