package org.jointworks.countyplans;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jointworks.clock.BusinessClock;
import org.jointworks.clock.LateRecording;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.layers.Layer;
import org.jointworks.projects.CountyScope;
import org.jointworks.projects.PlanBaseline;
import org.jointworks.projects.ProgrammeProperties;
import org.jointworks.projects.Project;
import org.jointworks.projects.ProjectRepository;
import org.jointworks.system.ApiException;
import org.jointworks.system.Audit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Files and approves the counties' annual implementation plans. Filing (the county officer, on
 * the server's day; late after 02-25 and shown so) freezes the county's {@code target_*} and its
 * plan projects (in the plan, {@code origin: plan}) as the baseline; approval is the city
 * office's. The baseline never changes afterwards: adjustments are checked against it. Every
 * write is audited in its transaction. Thread-safe.
 */
@Service
public class CountyPlanService implements PlanBaseline {
  private final CountyPlanRepository repository;
  private final ProjectRepository projects;
  private final FeatureRepository features;
  private final ProgrammeProperties settings;
  private final BusinessClock clock;
  private final Audit audit;
  private final ObjectMapper json;

  CountyPlanService(CountyPlanRepository repository, ProjectRepository projects,
      FeatureRepository features, ProgrammeProperties settings, BusinessClock clock, Audit audit,
      ObjectMapper json) {
    this.repository = repository;
    this.projects = projects;
    this.features = features;
    this.settings = settings;
    this.clock = clock;
    this.audit = audit;
    this.json = json;
  }

  /**
   * What a county officer files: the county, a note, the county's named reporter (专人专责: who
   * sends its monthly reports), and (ADMIN, late) the day and reason.
   */
  public record FilingInput(String district, String note, LocalDate filedOn, String lateReason,
      String reporter) {}

  @Transactional(readOnly = true)
  public List<CountyPlan> all() {
    return repository.findAll(this::due);
  }

  @Transactional(readOnly = true)
  public Optional<CountyPlan> find(String district, int year) {
    return all().stream().filter(p -> p.district().equals(district)
        && p.programmeYear() == year).findFirst();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<LocalDate> filedOn(String district, int year) {
    return find(district, year).map(CountyPlan::filedOn);
  }

  @Transactional
  public CountyPlan file(FilingInput in) {
    int year = settings.year();
    Feature district = in.district() == null ? null : features.findAll(Layer.DISTRICTS).stream()
        .filter(d -> in.district().equals(d.text("code"))).findFirst().orElse(null);
    if (district == null) {
      throw ApiException.unprocessable("the filing is not valid",
          List.of("district: a district code of the districts layer"));
    }
    CountyScope.check(in.district());
    if (in.note() != null && in.note().length() > 1000) {
      throw ApiException.unprocessable("the filing is not valid",
          List.of("note: up to 1000 characters"));
    }
    if (in.reporter() == null || in.reporter().isBlank() || in.reporter().length() > 100) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "plan.no_reporter", "name the"
          + " county's reporter (reporter, up to 100 characters): 信息报送做到专人专责",
          Map.of("district", in.district()));
    }
    LateRecording when = LateRecording.of(clock, "filedOn", in.filedOn(), in.lateReason());
    find(in.district(), year).ifPresent(p -> {
      throw ApiException.of(HttpStatus.CONFLICT, "plan.already_filed", "the " + year + " plan of "
          + in.district() + " was filed on " + p.filedOn() + "; it changes only through an"
          + " adjustment (POST /api/adjustments)", Map.of("district", in.district()));
    });
    List<CountyPlan.BaselineProject> baseline = projects.findByDistrict(in.district()).stream()
        .filter(p -> p.programmeYear() == year && p.inPlan() && "plan".equals(p.origin()))
        .map(CountyPlanService::frozen).toList();
    if (baseline.isEmpty()) {
      throw ApiException.of(HttpStatus.CONFLICT, "plan.empty", in.district() + " has no plan"
          + " projects for " + year + "; create them (POST /api/projects) before filing",
          Map.of("district", in.district()));
    }
    var targets = new CountyPlan.Targets(n(district.get("target_communities")),
        n(district.get("target_households")), n(district.get("target_buildings")),
        district.get("target_floor_area_m2") == null ? 0
            : ((Number) district.get("target_floor_area_m2")).doubleValue());
    CountyPlan plan = new CountyPlan(0, in.district(), year, when.effectiveOn(),
        when.recordedOn(), when.lateReason(), Audit.currentActor(), in.note(), targets, baseline,
        CountyPlan.Totals.of(baseline), "filed", null, null, due(year), false, clock.now(),
        in.reporter().strip());
    long id = repository.insert(plan);
    CountyPlan stored = byId(id);
    audit.record(when.late() ? "file_late" : "file", "county_plans", id, null,
        json.writeValueAsString(stored));
    return stored;
  }

  /** The city office's approval of a filed plan, today by the server's clock. */
  @Transactional
  public CountyPlan approve(long id) {
    CountyPlan before = byId(id);
    if (!repository.approve(id, Audit.currentActor(), clock.today())) {
      throw ApiException.of(HttpStatus.CONFLICT, "plan.not_filed", "county plan " + id + " is "
          + before.status() + "; only a filed plan awaits approval", Map.of("plan", id));
    }
    CountyPlan stored = byId(id);
    audit.record("approve", "county_plans", id, json.writeValueAsString(before),
        json.writeValueAsString(stored));
    return stored;
  }

  private CountyPlan byId(long id) {
    return all().stream().filter(p -> p.id() == id).findFirst()
        .orElseThrow(() -> ApiException.notFound("county plan " + id));
  }

  private LocalDate due(int year) {
    var d = settings.deadlines().get(year);
    return d == null ? null : d.planFiled();
  }

  private static CountyPlan.BaselineProject frozen(Project p) {
    return new CountyPlan.BaselineProject(p.id(), p.communityId(), p.households(), p.buildings(),
        p.floorAreaM2(), p.budgetYuan());
  }

  private static long n(Object v) {
    return v == null ? 0 : ((Number) v).longValue();
  }
}
