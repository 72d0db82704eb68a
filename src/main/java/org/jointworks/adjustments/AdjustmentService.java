package org.jointworks.adjustments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jointworks.clock.BusinessClock;
import org.jointworks.clock.LateRecording;
import org.jointworks.countyplans.CountyPlan;
import org.jointworks.countyplans.CountyPlanService;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureReader;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.layers.Layer;
import org.jointworks.projects.CountyScope;
import org.jointworks.projects.ProgrammeProperties;
import org.jointworks.projects.Project;
import org.jointworks.projects.ProjectInput;
import org.jointworks.projects.ProjectRepository;
import org.jointworks.projects.ProjectStatus;
import org.jointworks.system.ApiException;
import org.jointworks.system.Audit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Checks and applies adjustments. The check compares, metric by metric, the county's original plan
 * — the baseline frozen when its annual plan was filed ({@link CountyPlanService}), never today's
 * editable projects — its plan now, and its plan after the swap; the rule holds when the plan
 * after is not lower than the original in any metric. Filing (the county's joint filing) is
 * refused after the adjustment deadline by the server's clock and changes nothing; the city
 * office's approval ({@link AdjustmentDecisions}) applies it: withdraws the dropped projects
 * (kept, marked) and creates the added communities and projects, in one transaction.
 * Thread-safe.
 */
@Service
public class AdjustmentService {
  private final ProjectRepository projects;
  private final FeatureRepository features;
  private final AdjustmentRepository repository;
  private final ProgrammeProperties settings;
  private final Audit audit;
  private final ObjectMapper json;
  private final BusinessClock clock;
  private final CountyPlanService plans;

  AdjustmentService(ProjectRepository projects,
      FeatureRepository features, AdjustmentRepository repository,
      ProgrammeProperties settings, Audit audit, ObjectMapper json, BusinessClock clock,
      CountyPlanService plans) {
    this.clock = clock;
    this.plans = plans;
    this.projects = projects;
    this.features = features;
    this.repository = repository;
    this.settings = settings;
    this.audit = audit;
    this.json = json;
  }

  /**
   * An adjustment as a client writes it: the county, the communities (ids) to drop, and the ones
   * to add, each a stored community ({@code communityId}) or a new one ({@code community}, a
   * GeoJSON Feature of the communities layer) with its project; the filing fields matter only
   * when applying.
   */
  public record AdjustmentInput(String district, List<Long> drop, List<AddInput> add,
      LocalDate filedOn, String reason, String countyApprovalRef, String housingFilingRef,
      String developmentFilingRef, String financeFilingRef, String lateReason) {
    public AdjustmentInput(String district, List<Long> drop, List<AddInput> add,
        LocalDate filedOn, String reason, String countyApprovalRef, String housingFilingRef,
        String developmentFilingRef, String financeFilingRef) {
      this(district, drop, add, filedOn, reason, countyApprovalRef, housingFilingRef,
          developmentFilingRef, financeFilingRef, null);
    }
  }

  public record AddInput(Long communityId, JsonNode community, ProjectInput project) {}

  /** The answer of a check: each metric compared, the metrics lowered, what would change. */
  public record Check(String district, boolean holds, List<String> lower,
      List<PlanMetrics.Comparison> metrics, List<Long> withdrawProjects,
      List<String> addCommunities) {}

  /** A county's plan as first fixed and as it is now. */
  public record PlanComparison(String district, PlanMetrics original, PlanMetrics current) {}

  @Transactional(readOnly = true)
  public Check check(AdjustmentInput in) {
    return evaluate(in).check();
  }

  @Transactional(readOnly = true)
  public List<Adjustment> all() {
    return repository.findAll();
  }

  @Transactional(readOnly = true)
  public List<PlanComparison> plans() {
    Map<String, List<Project>> original = new TreeMap<>();
    Map<String, List<Project>> current = new TreeMap<>();
    for (Project p : projects.findAll()) {
      if (p.programmeYear() != settings.year()) {
        continue;
      }
      if ("plan".equals(p.origin())) {
        original.computeIfAbsent(p.district(), k -> new ArrayList<>()).add(p);
      }
      if (p.inPlan()) {
        current.computeIfAbsent(p.district(), k -> new ArrayList<>()).add(p);
      }
    }
    Set<String> districts = new java.util.TreeSet<>(original.keySet());
    districts.addAll(current.keySet());
    return districts.stream().map(d -> new PlanComparison(d,
        plans.find(d, settings.year()).map(AdjustmentService::baseline)
            .orElse(PlanMetrics.of(original.getOrDefault(d, List.of()))),
        PlanMetrics.of(current.getOrDefault(d, List.of())))).toList();
  }

  /**
   * Files an adjustment for the city office's decision: checked as on approval (the rule, the
   * filing references, the deadline by the server's clock), stored with the baseline and plan it
   * was checked against; it changes no project.
   */
  @Transactional
  public Adjustment file(AdjustmentInput in) {
    Evaluation e = evaluate(in);
    List<String> problems = new ArrayList<>();
    LateRecording when = LateRecording.of(clock, "filedOn", in.filedOn(), in.lateReason());
    required(problems, "reason", in.reason(), 1000);
    required(problems, "countyApprovalRef", in.countyApprovalRef(), 200);
    required(problems, "housingFilingRef", in.housingFilingRef(), 200);
    required(problems, "developmentFilingRef", in.developmentFilingRef(), 200);
    required(problems, "financeFilingRef", in.financeFilingRef(), 200);
    for (AddInput a : in.add() == null ? List.<AddInput>of() : in.add()) {
      if (a.project() == null) {
        problems.add("add: each added community needs its project (content, funding, units)");
      }
    }
    if (!problems.isEmpty()) {
      throw ApiException.unprocessable("the adjustment is not valid", problems);
    }
    LocalDate closes = settings.deadlinesOf(settings.year()).adjustmentCloses();
    if (when.effectiveOn().isAfter(closes)) {
      throw ApiException.of(HttpStatus.CONFLICT, "adjustment.closed", "adjustments closed on "
          + closes + " (逾期不再调整); today is " + when.effectiveOn() + " by the server's clock",
          Map.of("closes", closes.toString(), "filedOn", when.effectiveOn().toString()));
    }
    holds(e);
    Adjustment record = new Adjustment(0, in.district(), settings.year(), when.effectiveOn(),
        in.reason(), in.countyApprovalRef(), in.housingFilingRef(), in.developmentFilingRef(),
        in.financeFilingRef(), List.of(), List.of(), json.writeValueAsString(e.before()),
        json.writeValueAsString(e.after()), clock.now(), Audit.currentActor(), when.lateReason(),
        Adjustment.FILED, null, null, null);
    long id = repository.insert(record, json.writeValueAsString(e.original()),
        json.writeValueAsString(in));
    Adjustment stored = repository.find(id).orElseThrow();
    audit.record(when.late() ? "file_late" : "file", "adjustments", id, null,
        json.writeValueAsString(stored));
    return stored;
  }

  /** Refuses (409 {@code adjustment.lower_than_filed}) an evaluation that lowers a metric. */
  void holds(Evaluation e) {
    Check check = e.check();
    if (!check.holds()) {
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("lower", check.lower());
      extra.put("metrics", check.metrics());
      throw new ApiException(HttpStatus.CONFLICT, "adjustment.lower_than_filed",
          "the adjusted plan of " + e.district() + " would be lower than the plan as filed in "
              + String.join(", ", check.lower()) + "; the rule is that no metric may be lower",
          Map.of("district", e.district(), "lower", check.lower()), null, extra);
    }
  }

  /** The metrics as JSON, as stored with a filing. */
  String toJson(PlanMetrics m) {
    return json.writeValueAsString(m);
  }

  AdjustmentInput readInput(String s) {
    return json.readValue(s, AdjustmentInput.class);
  }

  record Evaluation(String district, PlanMetrics original, PlanMetrics before,
      PlanMetrics after, List<Project> dropped, List<String> addNames) {
    Check check() {
      var metrics = PlanMetrics.compare(original, before, after);
      var lower = metrics.stream().filter(m -> !m.holds()).map(PlanMetrics.Comparison::metric)
          .toList();
      return new Check(district, lower.isEmpty(), lower, metrics,
          dropped.stream().map(Project::id).toList(), addNames);
    }
  }

  Evaluation evaluate(AdjustmentInput in) {
    List<String> problems = new ArrayList<>();
    String district = in.district();
    if (district == null || !features.districtCodes().contains(district)) {
      throw ApiException.unprocessable("the adjustment is not valid",
          List.of("district: a district code of the districts layer"));
    }
    CountyScope.check(district);
    var filed = plans.find(district, settings.year());
    List<Project> mine = projects.findByDistrict(district).stream()
        .filter(p -> p.programmeYear() == settings.year()).toList();
    List<Project> current = mine.stream().filter(Project::inPlan).toList();
    // The original is the plan as filed, frozen: never today's editable projects.
    PlanMetrics original = filed.map(AdjustmentService::baseline).orElse(null);
    PlanMetrics before = PlanMetrics.of(current);
    PlanMetrics after = before;
    List<Long> drop = in.drop() == null ? List.of() : in.drop();
    List<AddInput> add = in.add() == null ? List.of() : in.add();
    if (drop.isEmpty() && add.isEmpty()) {
      problems.add("drop, add: name the communities to drop and the ones to add");
    }
    List<Project> dropped = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (Long c : drop) {
      Project p = current.stream().filter(x -> c != null && x.communityId() == c).findFirst()
          .orElse(null);
      if (p == null || !seen.add(c)) {
        problems.add("drop: community " + c + " has no project in the plan of " + district
            + (p != null ? " (named twice)" : ""));
      } else if (p.status().reached(ProjectStatus.STARTED)) {
        problems.add("drop: the project of community " + c + " has started; it stays");
      } else {
        dropped.add(p);
        after = after.plus(-1, -p.buildings(), -p.households(), -p.floorAreaM2(),
            -p.budgetYuan());
      }
    }
    List<String> names = new ArrayList<>();
    FeatureReader reader = new FeatureReader(Layer.COMMUNITIES, features.districtCodes(),
        features.organisationCodes());
    for (AddInput a : add) {
      Feature f = null;
      if (a == null || (a.communityId() == null) == (a.community() == null)) {
        problems.add("add: each entry names a stored community (communityId) or a new one"
            + " (community, a GeoJSON Feature), not both");
        continue;
      }
      if (a.communityId() != null) {
        f = features.find(Layer.COMMUNITIES, a.communityId()).orElse(null);
        if (f == null) {
          problems.add("add: there is no community " + a.communityId());
        } else if (!seen.add(a.communityId())
            || projects.idOfCommunity(f.id(), settings.year()).isPresent()) {
          problems.add("add: community " + f.id() + " already has a project in "
              + settings.year());
          f = null;
        }
      } else {
        var read = reader.read(a.community());
        if (!read.ok()) {
          read.problems().forEach(p -> problems.add("add: new community: " + p));
        } else {
          f = read.feature();
        }
      }
      if (f == null) {
        continue;
      }
      if (!district.equals(f.text("district"))) {
        problems.add("add: community " + f.text("name") + " is in " + f.text("district")
            + ", not in " + district);
        continue;
      }
      Double budget = a.project() == null ? null : a.project().budgetYuan();
      if (budget == null || !(budget > 0)) {
        problems.add("add: the project of " + f.text("name") + " needs its budgetYuan");
        continue;
      }
      names.add(f.text("name"));
      after = after.plus(1, ((Number) f.get("buildings")).longValue(),
          ((Number) f.get("households")).longValue(),
          ((Number) f.get("floor_area_m2")).doubleValue(), budget);
    }
    if (!problems.isEmpty()) {
      throw ApiException.unprocessable("the adjustment is not valid", problems);
    }
    if (original == null) {
      throw ApiException.of(HttpStatus.CONFLICT, "adjustment.plan_not_filed", "the "
          + settings.year() + " plan of " + district + " is not filed; an adjustment changes a"
          + " filed plan (POST /api/county-plans first)", Map.of("district", district));
    }
    return new Evaluation(district, original, before, after, dropped, names);
  }

  private static PlanMetrics baseline(CountyPlan plan) {
    var t = plan.baseline();
    return new PlanMetrics(t.communities(), t.buildings(), t.households(), t.floorAreaM2(),
        t.investmentYuan());
  }

  private static void required(List<String> problems, String field, String v, int max) {
    if (v == null || v.isBlank() || v.length() > max) {
      problems.add(field + ": required, up to " + max + " characters");
    }
  }
}
