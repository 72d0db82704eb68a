package org.jointworks.coordination;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jointworks.coordination.engine.ClearanceRule;
import org.jointworks.coordination.engine.ClearanceViolation;
import org.jointworks.coordination.engine.ConflictEngine;
import org.jointworks.coordination.engine.ConflictRules;
import org.jointworks.coordination.engine.WorkConflict;
import org.jointworks.coordination.engine.WorkRef;
import org.jointworks.geo.Crs;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureReader;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.layers.Layer;
import org.jointworks.layers.MetricLayer;
import org.jointworks.layers.MetricLayers;
import org.jointworks.system.ApiException;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The conflict use cases: the filtered list of all conflicts, and the check of one proposed work
 * (conflicts and clearances) without storing it. Keeps one {@link ConflictEngine} per revision of
 * the works layer, built on the first request after a write, and the list under the default
 * settings ({@link #defaults()}) with it.
 *
 * <p>Thread-safe: the engine is immutable and swapped whole.
 */
@Service
public class ConflictService {
  private static final Set<String> NEW_PIPELINE_KINDS = Set.of("new", "replace");

  private final MetricLayers layers;
  private final FeatureRepository repository;
  private final DistrictAreas districts;
  private final ClearanceService clearances;
  private final CoordinationProperties settings;
  private volatile ConflictEngine engine;
  private volatile Defaults defaults;

  ConflictService(MetricLayers layers, FeatureRepository repository, DistrictAreas districts,
      ClearanceService clearances, CoordinationProperties settings) {
    this.layers = layers;
    this.repository = repository;
    this.districts = districts;
    this.clearances = clearances;
    this.settings = settings;
  }

  /** The answer to a proposed work: its conflicts and the clearances a new pipeline would break. */
  public record CheckResult(WorkRef proposed, List<WorkConflict> conflicts,
      List<ClearanceViolation> clearanceProblems, boolean clearanceChecked) {}

  ConflictEngine engine() {
    MetricLayer works = layers.current(Layer.WORKS);
    ConflictEngine e = engine;
    if (e == null || e.works() != works) {
      e = ConflictEngine.of(works, settings.moratoriumYears());
      engine = e;
    }
    return e;
  }

  /**
   * Every conflict under the default settings, at one works snapshot: computed once per
   * revision of the works layer (the engine is swapped when the revision moves, and this list
   * with it), so the OGC collection's pages and the default {@code /api/works/conflicts} cost a
   * filter, not the engine.
   *
   * @param engine the engine the list was computed by (its {@code works()} is the snapshot)
   */
  public record Defaults(ConflictEngine engine, ConflictRules rules, List<WorkConflict> all) {
    public Defaults {
      all = List.copyOf(all);
    }
  }

  /** The conflicts under the default settings at the current works revision. */
  public Defaults defaults() {
    ConflictEngine e = engine();
    Defaults d = defaults;
    if (d == null || d.engine() != e) {
      d = new Defaults(e, defaultRules(), e.all(defaultRules()));
      defaults = d;
    }
    return d;
  }

  private ConflictRules defaultRules() {
    return new ConflictRules(settings.bufferMeters(), settings.gapDays(),
        settings.moratoriumYears());
  }

  public List<WorkConflict> conflicts(ConflictQuery q) {
    // The default rules answer from the list kept per revision; others compute theirs.
    Defaults d = q.rules().equals(defaultRules()) ? defaults() : null;
    ConflictEngine e = d != null ? d.engine() : engine();
    List<WorkConflict> all = d != null ? d.all() : e.all(q.rules());
    Set<Long> inDistrict = q.district() == null ? null : idsIn(q.district(), e.works());
    return all.stream()
        .filter(c -> c.a().meets(q.from(), q.to()) || c.b().meets(q.from(), q.to()))
        .filter(c -> q.utility() == null || q.utility().equals(c.a().utility())
            || q.utility().equals(c.b().utility()))
        .filter(c -> inDistrict == null || inDistrict.contains(c.a().id())
            || inDistrict.contains(c.b().id()))
        .toList();
  }

  private Set<Long> idsIn(String district, MetricLayer works) {
    BitSet positions = districts.positionsIn(district, works);
    Set<Long> ids = new HashSet<>();
    positions.stream().forEach(i -> ids.add(works.features().get(i).id()));
    return ids;
  }

  /** Checks one proposed work given as a GeoJSON Feature; 422 lists what is wrong with it. */
  public CheckResult check(JsonNode body, Double bufferMeters, Integer gapDays) {
    ConflictRules rules;
    try {
      rules = new ConflictRules(bufferMeters == null ? settings.bufferMeters() : bufferMeters,
          gapDays == null ? settings.gapDays() : gapDays, settings.moratoriumYears());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    FeatureReader reader = new FeatureReader(Layer.WORKS, repository.districtCodes(),
        repository.organisationCodes());
    FeatureReader.Result read = reader.read(body);
    if (!read.ok()) {
      throw ApiException.unprocessable("the proposed work is not valid", read.problems());
    }
    Feature f = read.feature();
    ConflictEngine e = engine();
    Geometry metric = Crs.transform(f.geometry(), Crs.LONLAT, e.works().metricEpsg());
    // A check asks what the work would meet once applied for, whatever status the body names.
    WorkRef named = ConflictEngine.refOf(f);
    WorkRef proposed = new WorkRef(null, named.utility(), named.owner(), named.kind(),
        "draft".equals(named.status()) ? null : named.status(), named.startDate(), named.endDate());
    List<WorkConflict> conflicts = e.against(proposed, metric, rules);
    boolean newPipeline = NEW_PIPELINE_KINDS.contains(f.text("kind")) && metric.getDimension() == 1;
    List<ClearanceViolation> problems = newPipeline
        ? clearances.against(new ClearanceRule.PipeAttributes(f.text("utility"), null, null),
            f.text("owner"), metric)
        : List.of();
    return new CheckResult(proposed, conflicts, problems, newPipeline);
  }

  /**
   * The conflicts and clearance problems of a stored work as if it were applied for now, under
   * the default settings, against every other active work: what a permit's submission records and
   * its approval decides on. The work's own stored row is skipped, whatever its state.
   */
  public CheckResult ofStored(Feature work) {
    ConflictEngine e = engine();
    Geometry metric = Crs.transform(work.geometry(), Crs.LONLAT, e.works().metricEpsg());
    WorkRef ref = ConflictEngine.refOf(work);
    WorkRef asApplied = new WorkRef(ref.id(), ref.utility(), ref.owner(), ref.kind(), "submitted",
        ref.startDate(), ref.endDate());
    List<WorkConflict> conflicts = e.against(asApplied, metric, defaultRules());
    boolean newPipeline = NEW_PIPELINE_KINDS.contains(work.text("kind"))
        && metric.getDimension() == 1;
    List<ClearanceViolation> problems = newPipeline
        ? clearances.against(new ClearanceRule.PipeAttributes(work.text("utility"), null, null),
            work.text("owner"), metric)
        : List.of();
    return new CheckResult(asApplied, conflicts, problems, newPipeline);
  }

  /** The current settings, echoed in answers so a reader knows the rules applied. */
  Map<String, Object> parameters(ConflictRules rules) {
    return Map.of("bufferMeters", rules.bufferMeters(), "gapDays", rules.gapDays(),
        "moratoriumYears", rules.moratoriumYears());
  }
}
