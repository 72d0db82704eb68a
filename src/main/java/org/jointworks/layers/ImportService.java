package org.jointworks.layers;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import org.jointworks.limits.JsonLimits;
import org.jointworks.system.ApiException;
import org.jointworks.system.Audit;
import org.jointworks.system.JointWorksUser;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The all-or-nothing GeoJSON import. The body is read as a stream, one feature at a time, and the
 * valid features are written in batches inside one transaction as they come; at the end, one bad
 * feature anywhere rolls the whole transaction back and the answer lists every bad feature by its
 * index. Memory stays flat whatever the body's size: only the current batch and the ids are held.
 *
 * <p>Districts are keyed by their code: importing a district whose code exists replaces it (keeping
 * its id), so an export of the reference districts imports back into any store.
 */
@Service
public class ImportService {
  /** Rows per JDBC batch: large enough to amortise round trips, small enough to stay in cache. */
  private static final int BATCH = 1000;
  /** Features read and checked together on another core while this thread parses and writes. */
  private static final int CHUNK = 500;
  /** Chunks being read ahead of the writing thread. */
  private static final int AHEAD = 4;
  /** A user fixing a file needs the first problems, not a million of them. */
  private static final int MAX_LISTED = 1000;

  private final FeatureRepository repository;
  private final IdAllocator ids;
  private final Audit audit;
  private final LayerRevisions revisions;
  private final ObjectMapper json;
  private final List<LayerWriteRule> rules;
  private final BulkInsert bulk;

  ImportService(FeatureRepository repository, IdAllocator ids, Audit audit,
      LayerRevisions revisions, ObjectMapper json, List<LayerWriteRule> rules, BulkInsert bulk) {
    this.bulk = bulk;
    this.repository = repository;
    this.ids = ids;
    this.audit = audit;
    this.revisions = revisions;
    this.json = json;
    this.rules = List.copyOf(rules);
  }

  /** What an import stored. */
  public record ImportResult(int imported, List<Long> ids, Set<String> ignoredProperties) {}

  /** One bad feature: its index in the input and every reason it was refused. */
  public record BadFeature(int index, List<String> problems) {}

  /** Told how far an import has come (an asynchronous job's progress); called on its thread. */
  public interface Progress {
    Progress NONE = new Progress() {
      @Override
      public void parsed(long rows) {}

      @Override
      public void stored(long rows) {}
    };

    /** Features read from the body so far. */
    void parsed(long rows);

    /** Features written to the store so far (uncommitted until the import ends). */
    void stored(long rows);
  }

  @Transactional
  public ImportResult importGeoJson(Layer layer, InputStream body) {
    return importGeoJson(layer, body, Progress.NONE);
  }

  /** The import, reporting to {@code progress} every batch. */
  @Transactional
  public ImportResult importGeoJson(Layer layer, InputStream body, Progress progress) {
    JointWorksUser user = LayerAccess.checkLayer(layer);
    Run run = new Run(layer, user, progress);
    try (run; JsonParser p = json.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw ApiException.badRequest("the body must be a GeoJSON FeatureCollection object");
      }
      boolean sawFeatures = false;
      String type = null;
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("type")) {
          type = p.getValueAsString();
        } else if (name.equals("features") && value == JsonToken.START_ARRAY) {
          sawFeatures = true;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            run.offer(p.readValueAsTree());
          }
        } else {
          p.skipChildren();
        }
      }
      if (!"FeatureCollection".equals(type) || !sawFeatures) {
        throw ApiException.badRequest(
            "the body must be a GeoJSON FeatureCollection with a 'features' array");
      }
      return run.finish();
    } catch (JacksonException e) {
      throw JsonLimits.refusal(e);
    }
  }

  /** The state of one import, feature by feature. Not thread-safe: one per request. */
  private final class Run implements AutoCloseable {
    private final Layer layer;
    private final JointWorksUser user;
    private final FeatureReader reader;
    private final List<Feature> batch = new ArrayList<>(BATCH);
    private final List<Long> stored = new ArrayList<>();
    private final List<BadFeature> bad = new ArrayList<>();
    private final List<BadFeature> notOwned = new ArrayList<>();
    private final Set<String> ignored = new TreeSet<>();
    private final Set<String> seenCodes = new HashSet<>();
    private int index;
    private int badCount;
    /** Where the imported features lie; null once an update's old geometry is unknown here. */
    private Envelope touched = new Envelope();
    private final BulkInsert.Writer writer;
    /** Every inserted feature, handed to the snapshots after the commit; null for districts. */
    private final List<Feature> inserted;
    /** The revision at which the layer was seen empty before this import, or -1. */
    private final long emptyAt;

    private final Progress progress;
    private long written;

    Run(Layer layer, JointWorksUser user, Progress progress) {
      this.progress = progress;
      this.layer = layer;
      this.user = user;
      this.reader = new FeatureReader(layer, repository.districtCodes(),
          repository.organisationCodes());
      this.inserted = layer == Layer.DISTRICTS ? null : new ArrayList<>();
      // The revision first, then the emptiness: a write committed in between moves the
      // revision, so the import's change is then not taken for the whole layer.
      long before = revisions.committedRevision(layer);
      this.emptyAt = inserted != null && repository.isEmpty(layer) ? before : -1;
      this.writer = bulk.open(layer);
    }

    @Override
    public void close() {
      writer.close();
    }

    private final ArrayDeque<CompletableFuture<List<FeatureReader.Result>>> pending =
        new ArrayDeque<>();
    private List<JsonNode> chunk = new ArrayList<>(CHUNK);

    /**
     * Takes the next feature of the body. Features are read and checked (geometry validity,
     * fields) in chunks on the common fork/join pool, while this thread goes on parsing and
     * writing; the results are taken in input order, so indexes, ids and the all-or-nothing
     * rule are as if read one by one.
     */
    void offer(JsonNode node) {
      chunk.add(node);
      if (chunk.size() == CHUNK) {
        submitChunk();
      }
    }

    private void submitChunk() {
      List<JsonNode> nodes = chunk;
      chunk = new ArrayList<>(CHUNK);
      pending.add(CompletableFuture.supplyAsync(
          () -> nodes.stream().map(reader::read).toList(), ForkJoinPool.commonPool()));
      while (pending.size() > AHEAD) {
        acceptOldest();
      }
    }

    private void drain() {
      if (!chunk.isEmpty()) {
        submitChunk();
      }
      while (!pending.isEmpty()) {
        acceptOldest();
      }
    }

    private void acceptOldest() {
      List<FeatureReader.Result> results;
      try {
        results = pending.poll().join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
      results.forEach(this::accept);
    }

    void accept(FeatureReader.Result r) {
      if (Thread.currentThread().isInterrupted()) {
        // The service is stopping (TERM after the graceful period): roll back, store nothing.
        throw ApiException.of(HttpStatus.SERVICE_UNAVAILABLE, "service.stopping",
            "the service is stopping; nothing was stored", Map.of());
      }
      int at = index++;
      if ((at & 1023) == 0) {
        progress.parsed(at);
      }
      ignored.addAll(r.ignoredProperties());
      List<String> problems = new ArrayList<>(r.problems());
      if (r.ok() && layer == Layer.DISTRICTS && !seenCodes.add(r.feature().text("code"))) {
        problems.add("code: '" + r.feature().text("code") + "' appears twice in this import");
      }
      if (!problems.isEmpty()) {
        reject(bad, new BadFeature(at, problems));
        return;
      }
      Feature feature = r.feature();
      if (!LayerAccess.mayWrite(user, layer, feature)) {
        reject(notOwned, new BadFeature(at, List.of("owner: '" + feature.text("owner")
            + "' is not your organisation '" + user.organisation() + "'")));
        return;
      }
      try {
        feature = LayerService.applyRules(rules, layer, user, null, feature);
      } catch (ApiException e) {
        // A rule's 403 (not yours) refuses the import as 403; any other refusal (a 422 such as
        // a pipeline naming no pipe point, surveys/PipeEndPointRule) is a bad feature, 422.
        reject(e.status() == HttpStatus.FORBIDDEN ? notOwned : bad,
            new BadFeature(at, List.of(e.code() + ": " + e.getMessage())));
        return;
      }
      if (badCount == 0) {
        store(feature);
      }
    }

    private void reject(List<BadFeature> list, BadFeature b) {
      badCount++;
      if (list.size() < MAX_LISTED) {
        list.add(b);
      }
      batch.clear();
      if (inserted != null) {
        inserted.clear();
      }
    }

    private void store(Feature feature) {
      if (layer == Layer.DISTRICTS) {
        var existing = repository.districtIdByCode(feature.text("code"));
        if (existing.isPresent()) {
          Feature current = repository.find(layer, existing.get()).orElseThrow();
          // An import that replaces a district passes the same rules as a single replace (a
          // filed county plan freezes its targets: countyplans/BaselineGuard).
          Feature replacing = LayerService.applyRules(rules, layer, user, current, feature);
          repository.update(layer, current.id(), current.version(), replacing);
          stored.add(current.id());
          touched = null;
          return;
        }
      }
      Feature withId = feature.withIdentity(ids.next(), 1);
      stored.add(withId.id());
      if (touched != null && feature.geometry() != null) {
        touched.expandToInclude(feature.geometry().getEnvelopeInternal());
      }
      batch.add(withId);
      if (inserted != null) {
        inserted.add(withId);
      }
      if (batch.size() == BATCH) {
        flush();
      }
    }

    private void flush() {
      if (!batch.isEmpty()) {
        writer.insert(batch);
        written += batch.size();
      }
      batch.clear();
      progress.parsed(index);
      progress.stored(written);
    }

    ImportResult finish() {
      drain();
      if (!notOwned.isEmpty()) {
        throw new ApiException(HttpStatus.FORBIDDEN, notOwned.size()
            + " feature(s) belong to another organisation; nothing was stored", notOwned,
            Map.of("badFeatures", badCount));
      }
      if (!bad.isEmpty()) {
        throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, badCount + " of " + index
            + " feature(s) are not valid; nothing was stored", bad, Map.of("badFeatures", badCount));
      }
      flush();
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("imported", stored.size());
      summary.put("ids", stored);
      audit.record("import", layer.id(), null, null, json.writeValueAsString(summary));
      // Pure inserts (ids from the sequence, ascending) are handed to the snapshots: the first
      // reader builds from them instead of reading the layer back (decision 60).
      boolean pureInserts = inserted != null && inserted.size() == stored.size();
      revisions.changed(layer, stored.stream().mapToLong(Long::longValue).toArray(), touched,
          pureInserts ? new LayerRevisions.HandOver(inserted, emptyAt) : null);
      return new ImportResult(stored.size(), List.copyOf(stored), ignored);
    }
  }
}
