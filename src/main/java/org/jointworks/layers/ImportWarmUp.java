package org.jointworks.layers;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.jointworks.system.JointWorksProperties;
import org.jointworks.system.WarmUps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the service is up, runs made-up bodies of communities and works through the reading half
 * of an import — the streamed parse, {@link FeatureReader}'s checks (JTS validity) and the store's
 * column preparation, on {@link ReadAhead}'s threads as a real import does — and builds the
 * snapshot its hand-over is prepared into (the metric transform, the index), so the first real
 * import does not run that code interpreted (decision 101): on a fresh
 * JVM the C2 compiler took about 2 of the 10 CPU-seconds of a first import of 100,000
 * communities. On the embedded store the features are then written, by the import's own writer,
 * to a scratch H2 database in a temporary directory, deleted afterwards (decision 104); on
 * PostGIS they are encoded as COPY data and sent nowhere (decision 107). The service's store is
 * never touched. Once per JVM (the JIT is the JVM's);
 * a low-priority daemon thread; off with {@code jointworks.imports.warm-up=false}.
 */
@Component
@ConditionalOnProperty(name = "jointworks.imports.warm-up", havingValue = "true",
    matchIfMissing = true)
class ImportWarmUp {
  private static final Logger log = LoggerFactory.getLogger(ImportWarmUp.class);
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  /** Features a round: enough calls for C2 to compile the per-feature and per-vertex paths. */
  private static final int FEATURES = 8_000;
  /**
   * Six, not three (decision 104): after three rounds the per-feature checks
   * ({@code Geometries.problemOf}, {@code FeatureReader.read}) were still waiting for C2 and were
   * compiled during the first real import, on the cores the import needed.
   */
  private static final int ROUNDS = 6;
  /**
   * Passes after the first, while the last one still kept the compilers busy (decision 106): a
   * method C2 did not take while the queue was long is taken once the queue is short and the
   * method runs again, so each later pass runs {@link #LATER_ROUNDS} after the queue drained.
   */
  private static final int PASSES = 3;
  private static final int LATER_ROUNDS = 2;
  /**
   * How long a later pass waits for the JIT's queue to drain. The first pass starts at once, as
   * the service is up: a first import may come seconds later, and the first pass's six rounds
   * are most of what it needs.
   */
  private static final long QUIET_WAIT_MILLIS = 15_000;
  private static final String DISTRICT = "warm-up";
  private static final String OWNER = "warm-up";

  private final ImportService imports;
  private final BulkInsert bulk;
  private final int metricEpsg;
  /** Whether a real import runs now: the cue to stop (decisions 106 and 107). */
  private final BooleanSupplier importRunning;

  @Autowired
  ImportWarmUp(ImportService imports, BulkInsert bulk, JointWorksProperties properties) {
    this(imports, bulk, properties, imports::importRunning);
  }

  ImportWarmUp(ImportService imports, BulkInsert bulk, JointWorksProperties properties,
      BooleanSupplier importRunning) {
    this.imports = imports;
    this.bulk = bulk;
    this.metricEpsg = properties.metricCrs();
    this.importRunning = importRunning;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    WarmUps.startOnce(STARTED, "import-warm-up", log, this::warm);
  }

  /** The warm-up, on the calling thread; how many made-up features it read and took. */
  long warm() {
    byte[] communities = communities(FEATURES);
    byte[] works = works(FEATURES);
    // On the embedded store the writer is H2's insert, index and commit code, most of what the
    // JIT compiled during a first import (decision 104): it writes to a scratch database too.
    try (ScratchStore scratch = bulk.embedded() ? new ScratchStore() : null) {
      // On PostGIS the rows are encoded for COPY and sent nowhere (decision 107).
      BulkInsert.Rows communityRows = scratch == null ? CopyRows.encodingOnly(Layer.COMMUNITIES)
          : table(scratch, Layer.COMMUNITIES);
      BulkInsert.Rows workRows = scratch == null ? CopyRows.encodingOnly(Layer.WORKS)
          : table(scratch, Layer.WORKS);
      long[] ids = {0};
      try {
        passes(communities, works, communityRows, workRows, scratch, ids);
      } catch (Yield y) {
        log.debug("import-warm-up yielded to a real import");
      }
      communityRows.close();
      workRows.close();
      log.debug("import-warm-up wrote {} rows {}", ids[0],
          scratch != null ? "to its scratch database" : "as COPY data, sent nowhere");
      return ids[0];
    } catch (SQLException e) {
      throw new IllegalStateException("import warm-up's scratch writes failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the service is stopping: nothing left to warm
      return 0;
    }
  }

  /**
   * Thrown from a round as soon as a real import runs (decision 107): a round of made-up bodies
   * took 2–3 s at start-up beside a benchmark's first import, which it slowed; the import
   * compiles what it runs anyway.
   */
  private static final class Yield extends RuntimeException {
    Yield() {
      super(null, null, false, false);
    }
  }

  private void passes(byte[] communities, byte[] works, BulkInsert.Rows communityRows,
      BulkInsert.Rows workRows, ScratchStore scratch, long[] ids)
      throws SQLException, InterruptedException {
    // Passes of rounds, the first at once, later ones once the JIT has caught up (decision 106);
    // none, and no round, once a real import is running: it compiles what it runs, and the
    // warm-up would take its cores.
    WarmUps.inPasses(PASSES, ROUNDS, LATER_ROUNDS, QUIET_WAIT_MILLIS,
        pass -> !importRunning.getAsBoolean(), rounds -> {
          for (int round = 0; round < rounds && !importRunning.getAsBoolean(); round++) {
            try (SpooledBody spool = new SpooledBody()) {
              read(Layer.COMMUNITIES, stream(communities, round, spool), communityRows, ids);
            }
            try (SpooledBody spool = new SpooledBody()) {
              read(Layer.WORKS, stream(works, round, spool), workRows, ids);
            }
            if (scratch != null) {
              scratch.connection().commit();
            }
          }
        });
  }

  private BulkInsert.Rows table(ScratchStore scratch, Layer layer) throws SQLException {
    scratch.create(layer, layer == Layer.WORKS ? OWNER : DISTRICT);
    return bulk.rows(scratch.connection(), layer);
  }

  /**
   * {@code body} through one of three kinds of stream in turn: the parser's read of its input
   * then is a virtual call once compiled. Compiled for the one kind the warm-up used, it was
   * deoptimised by the first real import's (a spooled file's channel stream, the servlet's, a
   * job's counting stream: {@code class_check} traps in the JIT log), and the parse's hottest
   * methods were compiled again during that import (about 0.6 s of C2; decision 107). One kind
   * is the body written to a file by {@code spool} and read back, as an upload into an empty
   * PostGIS layer is (decision 106), so the spool's copy and the file's channel are compiled too
   * (decision 117: they were compiled during the first import, 0.1 s of C2).
   */
  static InputStream stream(byte[] body, int round, SpooledBody spool) {
    InputStream bytes = new ByteArrayInputStream(body);
    return switch (round % 3) {
      case 0 -> bytes;
      case 1 -> spool.of(bytes);
      default -> new BufferedInputStream(bytes);
    };
  }

  /**
   * The import's reading half over {@code body}, every feature of which must come out valid,
   * written by {@code rows} in batches (a scratch database's, or COPY data sent nowhere).
   */
  private void read(Layer layer, InputStream body, BulkInsert.Rows rows, long[] ids)
      throws SQLException {
    FeatureReader reader = new FeatureReader(layer, Set.of(DISTRICT), Set.of(OWNER));
    int[] bad = {0};
    List<Feature> batch = new ArrayList<>(ImportService.BATCH);
    List<PreparedColumns> prepared = new ArrayList<>(ImportService.BATCH);
    List<Feature> taken = new ArrayList<>(FEATURES);
    // No metric transform on the readers, as an import (decision 112): a branch the warm-up took
    // and the import did not was an unstable_if trap at the first real import (decision 117).
    ReadAhead ahead = new ReadAhead(reader, 0, bulk.preparer(layer),
        (result, metric, columns) -> {
          if (importRunning.getAsBoolean()) {
            throw new Yield();
          }
          if (!result.ok()) {
            bad[0]++;
          } else {
            Feature feature = result.feature().withIdentity(++ids[0], 1);
            batch.add(feature);
            prepared.add(columns);
            taken.add(feature);
            if (batch.size() == ImportService.BATCH) {
              write(rows, batch, prepared);
            }
          }
        },
        () -> new IllegalStateException("import warm-up interrupted"));
    ahead.run(features -> imports.parse(body, features));
    if (bad[0] > 0) {
      throw new IllegalStateException(bad[0] + " made-up " + layer.id() + " were refused");
    }
    write(rows, batch, prepared);
    // The snapshot an import's hand-over is prepared into (decisions 97, 112): the transform to
    // the metric CRS and the index, on these very kinds of geometry and sequence.
    MetricLayers.build(layer, -1, metricEpsg, taken);
  }

  private static void write(BulkInsert.Rows rows, List<Feature> batch,
      List<PreparedColumns> prepared) {
    try {
      rows.insert(batch, prepared);
    } catch (SQLException e) {
      throw new IllegalStateException("import warm-up's scratch insert failed", e);
    }
    batch.clear();
    prepared.clear();
  }

  /**
   * Twelve-vertex blocks on a lon/lat grid in the city, as surveyed outlines are drawn, and the
   * variety real files have (decisions 105, 106): some with a courtyard (a hole), some of two parts
   * (MultiPolygon), some round (a convex 20-gon), properties before or after the geometry, a
   * feature {@code id}, an optional field present or absent, a whole number where a decimal may
   * be, a property the layer does not have, line breaks and spaces ({@link #collection}). Code
   * compiled for one shape only is compiled again when the first real file shows another, during
   * the import.
   */
  static byte[] communities(int n) {
    double[][] ring = {{0, 0}, {4, 0.3}, {8, 0}, {12, 0}, {12, 4}, {11.7, 8}, {12, 12}, {8, 12},
        {4, 11.8}, {0, 12}, {0, 8}, {0.2, 4}};
    double[][] courtyard = {{4, 4}, {4, 8}, {8, 8}, {8, 4}};
    double[][] round = new double[20][];
    for (int k = 0; k < round.length; k++) {
      double a = 2 * Math.PI * k / round.length;
      round[k] = new double[] {6 + 6 * Math.cos(a), 6 + 5 * Math.sin(a)};
    }
    return collection(n, 700, (sb, i, x, y) -> {
      StringBuilder geometry = new StringBuilder();
      if (i % 8 == 5) {
        geometry.append("{\"type\":\"Polygon\",\"coordinates\":[");
        ring(geometry, round, x, y, 1e-4, i).append("]}");
      } else if (i % 4 == 3) {
        geometry.append("{\"type\":\"MultiPolygon\",\"coordinates\":[[");
        ring(geometry, ring, x, y, 0.5e-4, i).append("],[");
        ring(geometry, ring, x + 7e-4, y, 0.4e-4, i).append("]]}");
      } else {
        geometry.append("{\"type\":\"Polygon\",\"coordinates\":[");
        ring(geometry, ring, x, y, 1e-4, i);
        if (i % 3 == 0) {
          ring(geometry.append(','), courtyard, x, y, 1e-4, i);
        }
        geometry.append("]}");
      }
      StringBuilder properties = new StringBuilder("{\"name\":\"预热小区").append(i)
          .append("\",\"district\":\"").append(DISTRICT).append("\",\"households\":")
          .append(40 + i % 400).append(",\"buildings\":").append(2 + i % 12)
          .append(",\"floor_area_m2\":").append(i % 5 == 0 ? Integer.toString(3000 + i % 30_000)
              : Double.toString(3000.5 + i % 30_000));
      if (i % 2 == 0) {
        properties.append(",\"build_year\":").append(1950 + i % 70);
      }
      if (i % 6 == 1) {
        properties.append(",\"remark\":\"不在图层中\"");
      }
      properties.append('}');
      feature(sb, i, geometry, properties);
    });
  }

  /**
   * Street works of two or three vertices with every field a utility's file carries, and the
   * variety real files have: dug areas (Polygon) and works of two stretches (MultiLineString),
   * optional fields present or absent, whole numbers where decimals may be.
   */
  static byte[] works(int n) {
    String[] utilities = {"water_supply", "drainage", "power", "gas", "heating", "telecom"};
    double[][] dug = {{0, 0}, {9, 0}, {9, 0.3}, {0, 0.3}};
    return collection(n, 450, (sb, i, x, y) -> {
      StringBuilder geometry = new StringBuilder();
      if (i % 5 == 4) {
        geometry.append("{\"type\":\"Polygon\",\"coordinates\":[");
        ring(geometry, dug, x, y, 1e-4, 0).append("]}");
      } else if (i % 5 == 3) {
        geometry.append("{\"type\":\"MultiLineString\",\"coordinates\":[[");
        position(geometry, x, y).append(',');
        position(geometry, x + 0.0004, y).append("],[");
        position(geometry, x + 0.0005, y + 0.0001).append(',');
        position(geometry, x + 0.0009, y + 0.0002).append("]]}");
      } else {
        geometry.append("{\"type\":\"LineString\",\"coordinates\":[");
        position(geometry, x, y).append(',');
        if (i % 2 == 0) {
          position(geometry, x + 0.0004, y + 0.00001 * (i % 7)).append(',');
        }
        position(geometry, x + 0.0009, y + 0.0002).append("]}");
      }
      StringBuilder properties = new StringBuilder("{\"utility\":\"")
          .append(utilities[i % utilities.length]).append("\",\"owner\":\"").append(OWNER)
          .append("\",\"kind\":\"repair\",\"start_date\":\"2027-0").append(1 + i % 9)
          .append("-1").append(i % 10).append("\",\"end_date\":\"2027-1").append(i % 3)
          .append("-2").append(i % 10).append("\",\"trench_width_m\":")
          .append(i % 4 == 0 ? Integer.toString(1 + i % 3) : Double.toString(0.5 + i % 3))
          .append(",\"status\":\"").append(i % 3 == 0 ? "approved" : "draft")
          .append("\",\"street\":\"预热路").append(i % 50).append('"');
      if (i % 3 == 1) {
        properties.append(",\"contact\":\"0373-").append(1000 + i % 9000).append('"');
      }
      properties.append('}');
      feature(sb, i, geometry, properties);
    });
  }

  /** A feature, its members in one of the orders files use, with an {@code id} now and then. */
  private static void feature(StringBuilder sb, int i, CharSequence geometry,
      CharSequence properties) {
    sb.append("{\"type\":\"Feature\",");
    if (i % 5 == 2) {
      sb.append("\"id\":").append(i).append(',');
    }
    if (i % 2 == 0) {
      sb.append("\"geometry\":").append(geometry).append(",\"properties\":").append(properties);
    } else {
      sb.append("\"properties\":").append(properties).append(",\"geometry\":").append(geometry);
    }
    sb.append('}');
  }

  /** A closed ring of {@code shape}'s corners, scaled by {@code step} degrees, at (x, y). */
  private static StringBuilder ring(StringBuilder sb, double[][] shape, double x, double y,
      double step, int i) {
    sb.append('[');
    for (double[] c : shape) {
      position(sb, x + c[0] * step + i * 1e-9, y + c[1] * step).append(',');
    }
    return position(sb, x + shape[0][0] * step + i * 1e-9, y + shape[0][1] * step).append(']');
  }

  /** Writes one made-up feature {@code i} whose first position is {@code (x, y)}. */
  private interface MadeUp {
    void write(StringBuilder sb, int i, double x, double y);
  }

  /** A FeatureCollection of {@code n} features on a 100-wide grid of 0.002° steps, as UTF-8. */
  private static byte[] collection(int n, int bytesEach, MadeUp feature) {
    StringBuilder sb = new StringBuilder(n * bytesEach).append(
        "{\"type\":\"FeatureCollection\",\"features\":[");
    for (int i = 0; i < n; i++) {
      // A feature a line, as GDAL writes them; every fourth spaced out, as an indented file is.
      sb.append(i > 0 ? ",\n" : "\n");
      int start = sb.length();
      feature.write(sb, i, 113.80 + (i % 100) * 0.002, 35.20 + (i / 100) * 0.002);
      if (i % 4 == 1) {
        String compact = sb.substring(start);
        sb.setLength(start);
        sb.append(compact.replace(",", ",\n  ").replace(":", ": "));
      }
    }
    return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static StringBuilder position(StringBuilder sb, double x, double y) {
    return sb.append(String.format(Locale.ROOT, "[%.9f,%.9f]", x, y));
  }
}
