package org.jointworks.layers;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jointworks.geo.Geometries;
import org.jointworks.limits.JsonLimits;
import org.jointworks.system.ApiException;
import org.jointworks.system.Audit;
import org.jointworks.system.JointWorksUser;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

/**
 * The all-or-nothing GeoJSON import. The body is read as a stream, one feature at a time, and the
 * valid features are written in batches inside one transaction as they come; at the end, one bad
 * feature anywhere rolls the whole transaction back and the answer lists every bad feature by its
 * index. The body is never held whole; the features inserted are kept (they are handed to the
 * snapshots with the change, decision 60, and become the snapshot's own), with a few chunks
 * being read ahead on other cores ({@link ReadAhead}, decision 61) and the current batch, written
 * through {@link BulkInsert} (1,000 rows a JDBC batch on H2GIS, 10,000 a COPY on PostGIS,
 * decision 112).
 *
 * <p>Districts are keyed by their code: importing a district whose code exists replaces it (keeping
 * its id), so an export of the reference districts imports back into any store.
 */
@Service
public class ImportService {
  /** Rows per JDBC batch: large enough to amortise round trips, small enough to stay in cache. */
  static final int BATCH = 1000;
  /**
   * Rows per COPY on PostGIS (decision 112): PostgreSQL spends about 1.5 ms on each COPY
   * statement besides its rows, 0.15 s of its CPU for 100,000 rows in COPYs of 1,000.
   */
  static final int COPY_BATCH = 10_000;
  /**
   * Chunks read ahead of a writer that takes {@code batchSize} rows a statement: half a batch
   * (decision 114): PostgreSQL takes a COPY of 10,000 rows in 40–90 ms, in which the parse
   * reads 3,000–6,000 features, and up to 6,500 may wait ({@link ReadAhead}). Two batches
   * (20,000 features, decision 112) were copied by the collector at every young pause of the
   * import, as live as the features kept for the hand-over.
   */
  static int readAheadChunks(int batchSize) {
    return Math.max(ReadAhead.AHEAD, batchSize / ReadAhead.CHUNK / 2);
  }

  /** A user fixing a file needs the first problems, not a million of them. */
  private static final int MAX_LISTED = 1000;

  private final FeatureRepository repository;
  private final IdAllocator ids;
  private final Audit audit;
  private final LayerRevisions revisions;
  private final ObjectMapper json;
  private final List<LayerWriteRule> rules;
  private final BulkInsert bulk;
  /** Imports running in this service now: the warm-up stops when it sees one (decision 106). */
  private final AtomicInteger running = new AtomicInteger();

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

  /**
   * One bad feature: its index in the input, every reason it was refused, and each reason's code
   * and arguments, the preview's codes where the same check fails (decision 83).
   */
  public record BadFeature(int index, List<String> problems, List<Map<String, Object>> errors) {
    BadFeature(int index, List<String> problems) {
      this(index, problems, FeatureProblems.of(problems));
    }

    BadFeature(int index, Map<String, Object> error) {
      this(index, List.of((String) error.get("message")), List.of(error));
    }
  }

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

  /** The import of a body already whole at hand (a file, a resource, a spooled upload). */
  @Transactional
  public ImportResult importGeoJson(Layer layer, InputStream body) {
    return load(layer, body, Progress.NONE, false);
  }

  /** The import of a body already whole at hand, reporting to {@code progress} every batch. */
  @Transactional
  public ImportResult importGeoJson(Layer layer, InputStream body, Progress progress) {
    return load(layer, body, progress, false);
  }

  /**
   * The import of a body as a client sends it, parsed as it arrives; read whole first where the
   * import would otherwise keep a table locked for the upload's pace (decision 106).
   */
  @Transactional
  public ImportResult importUpload(Layer layer, InputStream body) {
    return load(layer, body, Progress.NONE, true);
  }

  private ImportResult load(Layer layer, InputStream body, Progress progress, boolean arriving) {
    JointWorksUser user = LayerAccess.checkLayer(layer);
    running.incrementAndGet();
    try (Run run = new Run(layer, user, progress); SpooledBody spooled = new SpooledBody()) {
      InputStream in = body;
      if (run.seenEmpty() && !bulk.embedded()) {
        // PostGIS may load an empty layer without its indexes (decision 106), holding the table
        // to the commit: a body still arriving is read whole first, so no upload's pace keeps it
        // locked; a file's is read as it is.
        in = arriving ? spooled.of(body) : body;
        run.writer.loadWithoutIndexes();
      }
      InputStream features = in;
      // Parsed on ReadAhead's own thread (decision 85); this thread only writes.
      run.readAhead.run(f -> parse(features, f));
      return run.finish();
    } finally {
      running.decrementAndGet();
    }
  }

  /**
   * Whether a real import is running in this service now (the warm-up's cue to stop; the sample
   * city's import at start-up has ended by the time the warm-up starts).
   */
  boolean importRunning() {
    return running.get() > 0;
  }

  /**
   * Hands each feature of a GeoJSON FeatureCollection body to {@code features}, in order, its
   * geometry streamed rather than built as a tree (decision 105).
   */
  void parse(InputStream body, Consumer<StreamedFeature> features) {
    StreamedFeature.Reader reader = new StreamedFeature.Reader();
    try (JsonParser p = json.createParser(body)) {
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
            features.accept(reader.read(p));
          }
        } else {
          p.skipChildren();
        }
      }
      if (!"FeatureCollection".equals(type) || !sawFeatures) {
        throw ApiException.badRequest(
            "the body must be a GeoJSON FeatureCollection with a 'features' array");
      }
    } catch (JacksonException e) {
      throw JsonLimits.refusal(e);
    }
  }

  /** The state of one import, feature by feature. Not thread-safe: one per request. */
  private final class Run implements AutoCloseable {
    private final Layer layer;
    private final JointWorksUser user;
    private final FeatureReader reader;
    private final List<Feature> batch = new ArrayList<>();
    /** What the readers prepared of each feature of the batch, index for index (decision 101). */
    private final List<PreparedColumns> prepared = new ArrayList<>();
    private final StoredIds stored = new StoredIds();
    private final List<BadFeature> bad = new ArrayList<>();
    private final List<BadFeature> notOwned = new ArrayList<>();
    private final Set<String> ignored = new TreeSet<>();
    private final Set<String> seenCodes = new HashSet<>();
    private int index;
    private int badCount;
    /** Where the imported features lie; null once an update's old geometry is unknown here. */
    private Envelope touched = new Envelope();
    private final BulkInsert.Writer writer;
    /**
     * Every inserted feature, handed to the snapshots with the change (told before the store ends
     * the load, decision 112); null for districts.
     */
    private final List<Feature> inserted;
    /** The revision at which the layer was seen empty before this import, or -1. */
    private final long emptyAt;

    private final Progress progress;
    /** Rows handed to the writer at a time. */
    private final int batchSize;
    private final ReadAhead readAhead;
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
      revisions.importing(layer);
      this.emptyAt = inserted != null && repository.isEmpty(layer) ? before : -1;
      this.batchSize = bulk.embedded() ? BATCH : COPY_BATCH;
      // No metric transform on the readers (decision 112): the snapshot prepared from the
      // hand-over transforms while the store builds indexes and commits.
      this.readAhead = new ReadAhead(reader, 0,
          bulk.preparer(layer), this::accept, this::stopping, readAheadChunks(batchSize));
      this.writer = bulk.open(layer);
    }

    /** Whether the layer (not districts) had no row when this import began. */
    boolean seenEmpty() {
      return emptyAt >= 0;
    }

    @Override
    public void close() {
      writer.close();
    }

    /** {@code metric} is null: the readers transform nothing for an import (decision 112). */
    void accept(FeatureReader.Result r, Geometry metric, PreparedColumns columns) {
      if (Thread.currentThread().isInterrupted()) {
        throw stopping();
      }
      int at = index++;
      if ((at & 1023) == 0) {
        progress.parsed(at);
      }
      if (!r.ignoredProperties().isEmpty()) {
        // Called for every feature, TreeSet.addAll cost C2 0.4 s in the first import; most
        // features have no property the layer lacks.
        ignored.addAll(r.ignoredProperties());
      }
      List<String> problems = r.problems();
      if (r.ok() && layer == Layer.DISTRICTS && !seenCodes.add(r.feature().text("code"))) {
        problems = new ArrayList<>(problems);
        problems.add("code: '" + r.feature().text("code") + "' appears twice in this import");
      }
      if (!problems.isEmpty()) {
        reject(bad, new BadFeature(at, problems));
        return;
      }
      Feature feature = r.feature();
      if (!LayerAccess.mayWrite(user, layer, feature)) {
        reject(notOwned, new BadFeature(at,
            FeatureProblems.notYours(feature.text("owner"), user.organisation())));
        return;
      }
      try {
        feature = LayerService.applyRules(rules, layer, user, null, feature);
      } catch (ApiException e) {
        // A rule's 403 (not yours) refuses the import as 403; any other refusal (a 422 such as
        // a pipeline naming no pipe point, surveys/PipeEndPointRule) is a bad feature, 422.
        reject(e.status() == HttpStatus.FORBIDDEN ? notOwned : bad,
            new BadFeature(at, FeatureProblems.ofRule(e.code(), e.args(),
                e.code() + ": " + e.getMessage())));
        return;
      }
      if (badCount == 0) {
        store(feature, columns);
      }
    }

    /** The service is stopping (TERM after the graceful period): roll back, store nothing. */
    private RuntimeException stopping() {
      return ApiException.of(HttpStatus.SERVICE_UNAVAILABLE, "service.stopping",
          "the service is stopping; nothing was stored", Map.of());
    }

    private void reject(List<BadFeature> list, BadFeature b) {
      badCount++;
      if (list.size() < MAX_LISTED) {
        list.add(b);
      }
      batch.clear();
      prepared.clear();
      if (inserted != null) {
        inserted.clear();
      }
    }

    private void store(Feature feature, PreparedColumns columns) {
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
        // Not getEnvelopeInternal: it would keep two envelopes on each polygon from here on,
        // objects more for the import's young pauses to copy (decision 116).
        Geometries.expand(touched, feature.geometry());
      }
      batch.add(withId);
      prepared.add(columns);
      if (inserted != null) {
        inserted.add(withId);
      }
      if (batch.size() == batchSize) {
        flush();
      }
    }

    private void flush() {
      if (!batch.isEmpty()) {
        writer.insert(batch, prepared);
        written += batch.size();
      }
      batch.clear();
      prepared.clear();
      progress.parsed(index);
      progress.stored(written);
    }

    ImportResult finish() {
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
      // Pure inserts (ids from the sequence, ascending) are handed to the snapshots: the first
      // reader builds from them instead of reading the layer back (decision 60). Told before the
      // store's own end of the load (PostGIS's index builds) and the audit, so the snapshot is
      // prepared meanwhile (decision 112).
      boolean pureInserts = inserted != null && inserted.size() == stored.size();
      HandOver handOver = pureInserts ? new HandOver(inserted, emptyAt) : null;
      if (handOver != null) {
        revisions.handing(layer, handOver);
      }
      writer.finish();
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("imported", stored.size());
      long[] ids = stored.toArray();
      summary.put("ids", ids);
      audit.record("import", layer.id(), null, null, json.writeValueAsString(summary));
      revisions.changedHanded(layer, ids, touched, handOver);
      return new ImportResult(ids.length, StoredIds.asList(ids), ignored);
    }
  }
}
