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

  ProgressService(ProjectService projects, FeatureRepository features, ReportService reports,
      InspectionService inspections, ProgrammeProperties settings,
      org.jointworks.clock.BusinessClock clock) {
    this.clock = clock;
    this.projects = projects;
    this.features = features;
    this.reports = reports;
    this.inspections = inspections;
    this.settings = settings;
  }

  record ProjectLine(long id, String name, String district, String status, long households,
      long daysLate, List<Milestones.Milestone> milestones) {}

  record CountyLine(String district, String name, long projects, long overdueProjects,
      long overdueHouseholds, long lateProjects, long maxDaysLate,
      List<Milestones.Milestone> countyMilestones) {}

  record Overdue(LocalDate asOf, int programmeYear, ProgrammeProperties.Deadlines deadlines,
      List<CountyLine> counties, List<ProjectLine> projects) {}

  @Transactional(readOnly = true)
  public Funding funding() {
    return Funding.of(projects.all(), settings.year());
  }

  @Transactional(readOnly = true)
  public Summary summary(LocalDate asOf) {
    return Summary.of(features.findAll(Layer.DISTRICTS), projects.all(), settings.year(), asOf);
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
      if (c == null) {
        continue;
      }
      var records = selfAssessments.getOrDefault(f.text("code"), List.of());
      var countyMs = List.of(
          Milestones.county("mid_self_assessment", d.midInspection(), records,
              d.started(), asOf),
          Milestones.county("year_self_assessment", d.yearInspection(), records,
              d.midInspection(), asOf));
      counties.add(new CountyLine(f.text("code"), f.text("name"), c[0], c[1], c[2], c[3], c[4],
          countyMs));
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
      inputs.add(new Evaluation.Input(code, f.text("name"),
          byDistrict.getOrDefault(code, List.of()), reporting.getOrDefault(code, List.of()),
          checks.getOrDefault(code, List.of())));
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
        overdueByDistrict(asOf), evaluation("mid", asOf), asOf);
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
