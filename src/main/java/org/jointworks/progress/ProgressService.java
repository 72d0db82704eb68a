package org.jointworks.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.inspections.Inspection;
import org.jointworks.inspections.InspectionService;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.layers.Layer;
import org.jointworks.projects.ProgrammeProperties;
import org.jointworks.projects.Project;
import org.jointworks.projects.ProjectService;
import org.jointworks.reports.ReportService;
import org.jointworks.system.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the programme's state (projects, districts, reports, inspections) and answers the
 * progress views. Everything is computed on request from the store, so nothing is ever stale;
 * at the plan's scale (hundreds of projects) that takes milliseconds. Thread-safe.
 */
@Service
class ProgressService {
  private final ProjectService projects;
  private final FeatureRepository features;
  private final ReportService reports;
  private final InspectionService inspections;
  private final ProgrammeProperties settings;
  private final org.jointworks.clock.BusinessClock clock;
  private final org.jointworks.countyplans.CountyPlanService plans;
  private final org.jointworks.projects.FundsRepository funds;
  private final org.jointworks.projects.FundsService fundsRule;
  private final org.jointworks.projects.Pilots pilots;

  ProgressService(ProjectService projects, FeatureRepository features, ReportService reports,
      InspectionService inspections, ProgrammeProperties settings,
      org.jointworks.clock.BusinessClock clock,
      org.jointworks.countyplans.CountyPlanService plans,
      org.jointworks.projects.FundsRepository funds,
      org.jointworks.projects.FundsService fundsRule, org.jointworks.projects.Pilots pilots) {
    this.plans = plans;
    this.funds = funds;
    this.fundsRule = fundsRule;
    this.pilots = pilots;
    this.clock = clock;
    this.projects = projects;
    this.features = features;
    this.reports = reports;
    this.inspections = inspections;
    this.settings = settings;
  }

  record ProjectLine(long id, String name, String district, String status, long households,
      long daysLate, List<Milestones.Milestone> milestones) {}

  /**
   * A county's line; {@code reporter} is its named reporter (专人专责) from the filed plan, null
   * (and {@code reporterMissing}) until the plan names one.
   */
  record CountyLine(String district, String name, long projects, long overdueProjects,
      long overdueHouseholds, long lateProjects, long maxDaysLate,
      List<Milestones.Milestone> countyMilestones, String reporter, boolean reporterMissing) {}

  record Overdue(LocalDate asOf, int programmeYear, ProgrammeProperties.Deadlines deadlines,
      List<CountyLine> counties, List<ProjectLine> projects) {}

  @Transactional(readOnly = true)
  public Funding funding() {
    return Funding.of(projects.all(), settings.year(), funds.inPlace(null),
        fundsRule.rule(settings.year()));
  }

  @Transactional(readOnly = true)
  public Summary summary(LocalDate asOf) {
    Map<String, Long> pilotCount = new HashMap<>();
    pilots.inPlan().forEach(p -> pilotCount.merge(p.district(), 1L, Long::sum));
    return Summary.of(features.findAll(Layer.DISTRICTS), projects.all(), settings.year(), asOf,
        pilotCount);
  }

  @Transactional(readOnly = true)
  public Overdue overdue(LocalDate asOf, boolean all) {
    var d = settings.deadlinesOf(settings.year());
    Map<String, List<LocalDate>> selfAssessments = new HashMap<>();
    for (Inspection x : inspections.all()) {
      if (x.kind() == Inspection.Kind.SELF_ASSESSMENT) {
        selfAssessments.computeIfAbsent(x.district(), k -> new ArrayList<>()).add(x.inspectedOn());
      }
    }
    List<ProjectLine> lines = new ArrayList<>();
    Map<String, long[]> county = new LinkedHashMap<>();
    for (Project p : inPlan()) {
      var ms = Milestones.of(p, d, asOf);
      long late = ms.stream().mapToLong(Milestones.Milestone::daysLate).max().orElse(0);
      boolean overdue = ms.stream().anyMatch(m -> m.state().equals("overdue"));
      long[] c = county.computeIfAbsent(p.district(), k -> new long[5]);
      c[0]++;
      c[1] += overdue ? 1 : 0;
      c[2] += overdue ? p.households() : 0;
      c[3] += late > 0 ? 1 : 0;
      c[4] = Math.max(c[4], late);
      if (all || late > 0) {
        lines.add(new ProjectLine(p.id(), p.name(), p.district(), p.statusOn(asOf).code(),
            p.households(), late, ms));
      }
    }
    lines.sort(Comparator.comparingLong(ProjectLine::daysLate).reversed()
        .thenComparingLong(ProjectLine::id));
    List<CountyLine> counties = new ArrayList<>();
    for (Feature f : features.findAll(Layer.DISTRICTS)) {
      long[] c = county.get(f.text("code"));
      Object target = f.get("target_communities");
      if (c == null && (target == null || ((Number) target).longValue() == 0)) {
        continue;
      }
      if (c == null) {
        // A county with a target and no projects yet: its plan milestone still counts.
        c = new long[5];
      }
      var records = selfAssessments.getOrDefault(f.text("code"), List.of());
      var plan = plans.find(f.text("code"), settings.year()).orElse(null);
      var countyMs = List.of(
          Milestones.planFiled(d.planFiled(), plan == null ? null : plan.filedOn(),
              plan == null ? null : plan.recordedOn(), plan == null ? null : plan.lateReason(),
              asOf),
          Milestones.county("mid_self_assessment", d.midInspection(), records,
              d.started(), asOf),
          Milestones.county("year_self_assessment", d.yearInspection(), records,
              d.midInspection(), asOf));
      String reporter = plan == null ? null : plan.reporter();
      counties.add(new CountyLine(f.text("code"), f.text("name"), c[0], c[1], c[2], c[3], c[4],
          countyMs, reporter, reporter == null));
    }
    return new Overdue(asOf, settings.year(), d, counties, lines);
  }

  @Transactional(readOnly = true)
  public Evaluation.Result evaluation(String period, LocalDate asOf) {
    var d = settings.deadlinesOf(settings.year());
    LocalDate cutOff = switch (period) {
      case "mid" -> d.midInspection();
      case "year" -> d.yearInspection();
      default -> throw ApiException.badRequest("period must be mid or year");
    };
    boolean provisional = asOf.isBefore(cutOff);
    if (provisional) {
      cutOff = asOf;
    }
    var reporting = reports.assess(cutOff);
    Map<String, List<Project>> byDistrict = new HashMap<>();
    inPlan().forEach(p -> byDistrict.computeIfAbsent(p.district(), k -> new ArrayList<>()).add(p));
    Map<String, List<Inspection>> checks = new HashMap<>();
    inspections.all().forEach(x ->
        checks.computeIfAbsent(x.district(), k -> new ArrayList<>()).add(x));
    List<Evaluation.Input> inputs = new ArrayList<>();
    for (Feature f : features.findAll(Layer.DISTRICTS)) {
      String code = f.text("code");
      var plan = plans.find(code, settings.year()).orElse(null);
      inputs.add(new Evaluation.Input(code, f.text("name"),
          byDistrict.getOrDefault(code, List.of()), reporting.getOrDefault(code, List.of()),
          checks.getOrDefault(code, List.of()),
          Milestones.planFiled(d.planFiled(), plan == null ? null : plan.filedOn(),
              plan == null ? null : plan.recordedOn(), plan == null ? null : plan.lateReason(),
              cutOff)));
    }
    return Evaluation.rank(period, cutOff, provisional, settings, inputs);
  }

  /** The districts with their boundaries and the summary's figures, flat, for a choropleth. */
  @Transactional(readOnly = true)
  public List<Feature> districtFeatures(LocalDate asOf) {
    Summary s = summary(asOf);
    Map<String, Long> overdue = overdueByDistrict(asOf == null ? clock.today() : asOf);
    List<Feature> out = new ArrayList<>();
    for (Feature f : features.findAll(Layer.DISTRICTS)) {
      var line = s.districts().stream().filter(x -> x.code().equals(f.text("code")))
          .findFirst().orElseThrow();
      Map<String, Object> p = new LinkedHashMap<>(f.properties());
      p.put("planned_communities", line.planned().communities());
      p.put("planned_households", line.planned().households());
      p.put("planned_buildings", line.planned().buildings());
      p.put("planned_floor_area_m2", line.planned().floorAreaM2());
      p.put("planned_investment_yuan", line.planned().investmentYuan());
      line.byStatus().forEach((k, v) -> p.put(k + "_projects", v.communities()));
      p.put("started_share", line.startedShare());
      p.put("completed_share", line.completedShare());
      p.put("overdue_projects", overdue.getOrDefault(f.text("code"), 0L));
      out.add(new Feature(f.id(), f.version(), f.geometry(), p));
    }
    return out;
  }

  @Transactional(readOnly = true)
  public String report(LocalDate asOf) {
    return ReportPage.html(summary(asOf), features.findAll(Layer.DISTRICTS),
        overdueByDistrict(asOf), evaluation("mid", asOf), asOf, planFiling(asOf));
  }

  /** The counties' plan_filed milestone (due 02-25) in one line of the printable report. */
  private String planFiling(LocalDate asOf) {
    List<String> overdue = new ArrayList<>();
    List<String> late = new ArrayList<>();
    for (CountyLine c : overdue(asOf, false).counties()) {
      for (Milestones.Milestone m : c.countyMilestones()) {
        if (m.name().equals("plan_filed") && m.state().equals("overdue")) {
          overdue.add(c.name() + " (" + m.daysLate() + "天)");
        } else if (m.name().equals("plan_filed") && m.state().equals("done_late")) {
          late.add(c.name() + " (" + m.daysLate() + "天)");
        }
      }
    }
    var due = settings.deadlinesOf(settings.year()).planFiled();
    return "年度实施方案报市百城办备案 plan_filed (due " + due + "): 逾期未备案 overdue: "
        + (overdue.isEmpty() ? "无 none" : String.join("、", overdue)) + "; 逾期备案 filed late: "
        + (late.isEmpty() ? "无 none" : String.join("、", late)) + ".";
  }

  private Map<String, Long> overdueByDistrict(LocalDate asOf) {
    Map<String, Long> out = new HashMap<>();
    overdue(asOf, false).counties().forEach(c -> out.put(c.district(), c.overdueProjects()));
    return out;
  }

  private List<Project> inPlan() {
    return projects.all().stream()
        .filter(p -> p.inPlan() && p.programmeYear() == settings.year()).toList();
  }
}
