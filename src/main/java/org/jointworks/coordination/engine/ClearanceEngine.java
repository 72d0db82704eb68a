package org.jointworks.coordination.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.jointworks.geo.Crs;
import org.jointworks.layers.Feature;
import org.jointworks.layers.MetricLayer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Pipelines of different utilities closer than their minimum horizontal clearance.
 *
 * <p>Pipelines that cross (their lines intersect) are not horizontal-clearance violations:
 * crossings are governed by the vertical clearances (GB 50289-2016 clause 4.1.14), which need
 * depths this check does not have; a crossing that also runs alongside would still show when it
 * does not touch. Pipelines of the same utility are never compared.
 *
 * <p>Immutable and thread-safe.
 */
public final class ClearanceEngine {
  private final MetricLayer pipelines;
  private final ClearanceTable table;

  public ClearanceEngine(MetricLayer pipelines, ClearanceTable table) {
    this.pipelines = pipelines;
    this.table = table;
  }

  public static ClearanceRule.PipeAttributes attributesOf(Feature f) {
    Object d = f.get("diameter_mm");
    return new ClearanceRule.PipeAttributes(f.text("utility"),
        d instanceof Number n ? n.doubleValue() : null, f.text("pressure_class"));
  }

  /** Violations among stored pipelines with at least one of the pair accepted by {@code keep}. */
  public List<ClearanceViolation> violations(IntPredicate keep) {
    List<ClearanceViolation> out = new ArrayList<>();
    List<Feature> fs = pipelines.features();
    for (int i = 0; i < fs.size(); i++) {
      Geometry gi = pipelines.metric().get(i);
      if (gi == null) {
        continue;
      }
      Envelope search = new Envelope(gi.getEnvelopeInternal());
      search.expandBy(table.maxMeters());
      for (int j : pipelines.candidates(search)) {
        Feature a = fs.get(i);
        Feature b = fs.get(j);
        if (b.id() <= a.id() || !(keep.test(i) || keep.test(j))) {
          continue;
        }
        check(pipe(a), attributesOf(a), gi, pipe(b), attributesOf(b), pipelines.metric().get(j))
            .ifPresent(out::add);
      }
    }
    out.sort(Comparator.comparing((ClearanceViolation v) -> v.a().id())
        .thenComparing(v -> v.b().id()));
    return out;
  }

  /** Violations a proposed new pipeline along {@code metric} would make with stored pipelines. */
  public List<ClearanceViolation> against(ClearanceRule.PipeAttributes proposed, String owner,
      Geometry metric) {
    List<ClearanceViolation> out = new ArrayList<>();
    Envelope search = new Envelope(metric.getEnvelopeInternal());
    search.expandBy(table.maxMeters());
    ClearanceViolation.Pipe p = new ClearanceViolation.Pipe(null, proposed.utility(), owner);
    for (int j : pipelines.candidates(search)) {
      Feature b = pipelines.features().get(j);
      check(p, proposed, metric, pipe(b), attributesOf(b), pipelines.metric().get(j))
          .ifPresent(out::add);
    }
    out.sort(Comparator.comparing(v -> v.b().id()));
    return out;
  }

  private static ClearanceViolation.Pipe pipe(Feature f) {
    return new ClearanceViolation.Pipe(f.id(), f.text("utility"), f.text("owner"));
  }

  private Optional<ClearanceViolation> check(ClearanceViolation.Pipe a,
      ClearanceRule.PipeAttributes aa, Geometry ga, ClearanceViolation.Pipe b,
      ClearanceRule.PipeAttributes ba, Geometry gb) {
    if (aa.utility().equals(ba.utility()) || gb == null) {
      return Optional.empty();
    }
    Optional<ClearanceRule> rule = table.required(aa, ba);
    if (rule.isEmpty()) {
      return Optional.empty();
    }
    double min = rule.get().minMeters();
    if (!DistanceOp.isWithinDistance(ga, gb, min) || ga.intersects(gb)) {
      return Optional.empty();
    }
    DistanceOp d = new DistanceOp(ga, gb);
    double actual = d.distance();
    if (actual >= min) {
      return Optional.empty();
    }
    Coordinate[] near = d.nearestPoints();
    double[] ll = Crs.transform(pipelines.metricEpsg(), Crs.LONLAT,
        (near[0].x + near[1].x) / 2, (near[0].y + near[1].y) / 2);
    double parallel = Math.min(NearLength.lengthWithin(ga, gb, min),
        NearLength.lengthWithin(gb, ga, min));
    ClearanceRule r = rule.get();
    return Optional.of(new ClearanceViolation(a, b, min, ConflictEngine.round(actual, 1000),
        ConflictEngine.round(parallel, 100), r.condition(), r.source(), r.placeholder(),
        ConflictEngine.round(ll[0], 1e7), ConflictEngine.round(ll[1], 1e7)));
  }
}
