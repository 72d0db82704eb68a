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
import org.locationtech.jts.operation.distance.GeometryLocation;

/**
 * Pipelines of different utilities closer than their minimum clearance, judged as an engineer
 * would (GB 50289-2016): where two pipes come closest, if their segments there run alongside
 * (within {@link PipeGeometry#PARALLEL_MAX_DEGREES}) the horizontal clearance of table 4.1.9
 * applies to the distance between them; if they cross or meet in plan at an angle, the vertical
 * clearance of table 4.1.14 applies at that point, from the two pipes' depths there (interpolated
 * between their end depths, {@link PipeGeometry#depthAt}). A crossing whose depths are not known
 * is not judged. Pipelines of the same utility are never compared.
 *
 * <p>Limit: each pair is judged once, where it comes closest; two pipes that cross and also run
 * alongside elsewhere are judged at the crossing.
 *
 * <p>Immutable and thread-safe.
 */
public final class ClearanceEngine {
  private final MetricLayer pipelines;
  private final ClearanceTable table;
  private final ClearanceTable vertical;
  /** How far apart two pipes may lie and still need checking: the larger of both tables. */
  private final double reach;

  /** Horizontal clearances only. */
  public ClearanceEngine(MetricLayer pipelines, ClearanceTable table) {
    this(pipelines, table, new ClearanceTable(List.of()));
  }

  /**
   * @param table the minimum horizontal clearances between parallel pipes (table 4.1.9)
   * @param vertical the minimum vertical clearances at crossings (table 4.1.14)
   */
  public ClearanceEngine(MetricLayer pipelines, ClearanceTable table, ClearanceTable vertical) {
    this.pipelines = pipelines;
    this.table = table;
    this.vertical = vertical;
    this.reach = Math.max(table.maxMeters(), vertical.rules().isEmpty() ? 0 : CROSSING_REACH);
  }

  /**
   * Pipes that cross, or meet in plan at an angle, closer than this are judged vertically at
   * that point: they share the same spot of ground. (Beyond it they are apart in plan.)
   */
  static final double CROSSING_REACH = 0.05;

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
      search.expandBy(reach);
      for (int j : pipelines.candidates(search)) {
        Feature a = fs.get(i);
        Feature b = fs.get(j);
        if (b.id() <= a.id() || !(keep.test(i) || keep.test(j))) {
          continue;
        }
        check(pipe(a), a, attributesOf(a), gi, pipe(b), b, attributesOf(b),
            pipelines.metric().get(j)).ifPresent(out::add);
      }
    }
    out.sort(Comparator.comparing((ClearanceViolation v) -> v.a().id())
        .thenComparing(v -> v.b().id()));
    return out;
  }

  /**
   * Violations a proposed new pipeline along {@code metric} would make with stored pipelines:
   * horizontal only, as a proposal has no depths to judge a crossing by.
   */
  public List<ClearanceViolation> against(ClearanceRule.PipeAttributes proposed, String owner,
      Geometry metric) {
    List<ClearanceViolation> out = new ArrayList<>();
    Envelope search = new Envelope(metric.getEnvelopeInternal());
    search.expandBy(reach);
    ClearanceViolation.Pipe p = new ClearanceViolation.Pipe(null, proposed.utility(), owner);
    for (int j : pipelines.candidates(search)) {
      Feature b = pipelines.features().get(j);
      check(p, null, proposed, metric, pipe(b), b, attributesOf(b), pipelines.metric().get(j))
          .ifPresent(out::add);
    }
    out.sort(Comparator.comparing(v -> v.b().id()));
    return out;
  }

  private static ClearanceViolation.Pipe pipe(Feature f) {
    return new ClearanceViolation.Pipe(f.id(), f.text("utility"), f.text("owner"));
  }

  /**
   * One pair: parallel where they come closest (their nearest segments within
   * {@link PipeGeometry#PARALLEL_MAX_DEGREES}) → the horizontal minimum; crossing or meeting in
   * plan at an angle (within {@link #CROSSING_REACH}) → the vertical minimum at that point, from
   * both depths there; otherwise (apart at an angle) nothing applies.
   */
  private Optional<ClearanceViolation> check(ClearanceViolation.Pipe a, Feature fa,
      ClearanceRule.PipeAttributes aa, Geometry ga, ClearanceViolation.Pipe b, Feature fb,
      ClearanceRule.PipeAttributes ba, Geometry gb) {
    if (aa.utility().equals(ba.utility()) || gb == null
        || !DistanceOp.isWithinDistance(ga, gb, reach)) {
      return Optional.empty();
    }
    DistanceOp d = new DistanceOp(ga, gb);
    GeometryLocation[] at = d.nearestLocations();
    boolean parallel = PipeGeometry.angleDegrees(at[0], at[1]) <= PipeGeometry.PARALLEL_MAX_DEGREES;
    double actual = d.distance();
    if (parallel) {
      return horizontal(a, aa, ga, b, ba, gb, at, actual);
    }
    if (actual > CROSSING_REACH || fa == null) {
      return Optional.empty();
    }
    return vertical(a, fa, aa, ga, b, fb, ba, gb, at);
  }

  private Optional<ClearanceViolation> horizontal(ClearanceViolation.Pipe a,
      ClearanceRule.PipeAttributes aa, Geometry ga, ClearanceViolation.Pipe b,
      ClearanceRule.PipeAttributes ba, Geometry gb, GeometryLocation[] at, double actual) {
    Optional<ClearanceRule> rule = table.required(aa, ba);
    if (rule.isEmpty() || actual >= rule.get().minMeters()) {
      return Optional.empty();
    }
    double min = rule.get().minMeters();
    double[] ll = mid(at);
    double parallel = Math.min(NearLength.lengthWithin(ga, gb, min),
        NearLength.lengthWithin(gb, ga, min));
    ClearanceRule r = rule.get();
    return Optional.of(new ClearanceViolation(a, b, min, ConflictEngine.round(actual, 1000),
        ConflictEngine.round(parallel, 100), r.condition(), r.source(), r.placeholder(),
        ConflictEngine.round(ll[0], 1e7), ConflictEngine.round(ll[1], 1e7), "horizontal", null,
        null));
  }

  private Optional<ClearanceViolation> vertical(ClearanceViolation.Pipe a, Feature fa,
      ClearanceRule.PipeAttributes aa, Geometry ga, ClearanceViolation.Pipe b, Feature fb,
      ClearanceRule.PipeAttributes ba, Geometry gb, GeometryLocation[] at) {
    Optional<ClearanceRule> rule = vertical.required(aa, ba);
    if (rule.isEmpty()) {
      return Optional.empty();
    }
    Coordinate p = at[0].getCoordinate();
    Double da = PipeGeometry.depthAt(fa, ga, p);
    Double db = PipeGeometry.depthAt(fb, gb, at[1].getCoordinate());
    if (da == null || db == null) {
      return Optional.empty();
    }
    // Depths are to each pipe's top: the gap is from the upper pipe's bottom to the lower's top.
    boolean aUpper = da <= db;
    Double upperSize = aUpper ? aa.diameterMm() : ba.diameterMm();
    double gap = (aUpper ? db : da) - ((aUpper ? da : db)
        + (upperSize == null ? 0 : upperSize / 1000));
    double min = rule.get().minMeters();
    if (gap >= min) {
      return Optional.empty();
    }
    double[] ll = mid(at);
    ClearanceRule r = rule.get();
    return Optional.of(new ClearanceViolation(a, b, min, ConflictEngine.round(gap, 1000), 0,
        r.condition(), r.source(), r.placeholder(), ConflictEngine.round(ll[0], 1e7),
        ConflictEngine.round(ll[1], 1e7), "vertical", ConflictEngine.round(da, 1000),
        ConflictEngine.round(db, 1000)));
  }

  private double[] mid(GeometryLocation[] at) {
    Coordinate p = at[0].getCoordinate();
    Coordinate q = at[1].getCoordinate();
    return Crs.transform(pipelines.metricEpsg(), Crs.LONLAT, (p.x + q.x) / 2, (p.y + q.y) / 2);
  }
}
