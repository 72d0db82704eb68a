package org.jointworks.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.jointworks.adjustments.Adjustment;
import org.jointworks.adjustments.AdjustmentDecisions;
import org.jointworks.adjustments.AdjustmentService;
import org.jointworks.clock.BusinessClock;
import org.jointworks.countyplans.CountyPlanService;
import org.jointworks.inspections.InspectionService;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.layers.Layer;
import org.jointworks.projects.ProgrammeProperties;
import org.jointworks.projects.Project;
import org.jointworks.projects.ProjectInput;
import org.jointworks.projects.ProjectService;
import org.jointworks.projects.Pilots;
import org.jointworks.projects.SchemeApprovalService;
import org.jointworks.reports.ReportService;
import org.jointworks.system.JointWorksProperties;
import org.jointworks.system.JointWorksUser;
import org.jointworks.system.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Loads the sample 2023 programme on the sample city, once, when {@code jointworks.sample-data}
 * is on: a project per community with its history up to 2023-07-15 (some late, some below 80%
 * consent), one adjustment in Yanjin, monthly reports (some late, one missing, one corrected, one
 * unapproved) and inspections. It listens for {@link ApplicationReadyEvent}, which Spring Boot
 * publishes after every {@code ApplicationRunner} (so after the foundation's StartupData loaded
 * the city). All writes go through the services (validated, audited) in one transaction, each
 * on its own day through {@link BusinessClock#replay}: the services take every date from the
 * business clock, so the sample's history is written as it would have been, day by day, and no
 * client-supplied date is needed. Each county's plan is filed by 02-25 (Fengqiu two days late)
 * and approved by the city office; reports are approved by each county's own leader.
 */
@Component
class SampleProgramme {
  private static final Logger LOG = LoggerFactory.getLogger(SampleProgramme.class);
  private static final String LOADED = "sample_programme_loaded";
  private static final String ADJUSTED_DISTRICT = "yanjin";

  private final JointWorksProperties properties;
  private final ProgrammeProperties settings;
  private final FeatureRepository features;
  private final ProjectService projects;
  private final AdjustmentService adjustments;
  private final AdjustmentDecisions decisions;
  private final ReportService reports;
  private final InspectionService inspections;
  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final ObjectMapper json;
  private final BusinessClock clock;
  private final CountyPlanService plans;
  private final SchemeApprovalService approvals;
  private final Pilots pilots;

  SampleProgramme(JointWorksProperties properties, ProgrammeProperties settings,
      FeatureRepository features,
      ProjectService projects, AdjustmentService adjustments, ReportService reports,
      InspectionService inspections, NamedParameterJdbcTemplate jdbc, TransactionTemplate tx,
      ObjectMapper json, BusinessClock clock, CountyPlanService plans,
      SchemeApprovalService approvals, Pilots pilots, AdjustmentDecisions decisions) {
    this.decisions = decisions;
    this.approvals = approvals;
    this.pilots = pilots;
    this.clock = clock;
    this.plans = plans;
    this.properties = properties;
    this.settings = settings;
    this.features = features;
    this.projects = projects;
    this.adjustments = adjustments;
    this.reports = reports;
    this.inspections = inspections;
    this.jdbc = jdbc;
    this.tx = tx;
    this.json = json;
  }

  @EventListener(ApplicationReadyEvent.class)
  void load() {
    if (!properties.sampleData() || !settings.sampleProgramme()) {
      return;
    }
    try {
      loadOnce();
    } catch (RuntimeException e) {
      // The sample is a convenience: a failure rolls it back and must not stop the service.
      LOG.error("sample programme not loaded", e);
    }
  }

  /** Loads the programme unless it was loaded before or projects exist already. */
  void loadOnce() {
    Long loaded = jdbc.queryForObject("SELECT COUNT(*) FROM app_state WHERE name = :n",
        Map.of("n", LOADED), Long.class);
    Long existing = jdbc.queryForObject("SELECT COUNT(*) FROM projects", Map.of(), Long.class);
    if (loaded > 0 || existing > 0) {
      return;
    }
    List<Feature> communities = new ArrayList<>(features.findAll(Layer.COMMUNITIES));
    if (communities.isEmpty()) {
      LOG.info("sample programme: no communities stored; nothing to load");
      return;
    }
    communities.sort(Comparator.comparing((Feature f) -> f.text("district"))
        .thenComparingLong(Feature::id));
    var system = new JointWorksUser("system", "", true, Role.ADMIN, null);
    SecurityContextHolder.getContext().setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(system, null, system.getAuthorities()));
    long t0 = System.nanoTime();
    // CPU time of this thread beside the wall time: on a shared, loaded machine the wall time
    // mostly measures the wait for a core (docs/programme.md, "Measured").
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    try {
      tx.executeWithoutResult(s -> loadAll(communities));
    } finally {
      SecurityContextHolder.clearContext();
    }
    LOG.info("sample programme: {} projects loaded in {} ms ({} ms CPU of the loading thread)",
        communities.size(), (System.nanoTime() - t0) / 1_000_000,
        (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000);
  }

  private void loadAll(List<Feature> communities) {
    Feature dropped = communities.stream()
        .filter(c -> ADJUSTED_DISTRICT.equals(c.text("district"))).findFirst().orElse(null);
    List<Project> stored = new ArrayList<>();
    List<SampleProjects.Plan> planned = new ArrayList<>();
    for (Feature c : communities) {
      var plan = SampleProjects.plan(c, c == dropped);
      planned.add(plan);
      stored.add(clock.replay(PLAN_MADE, () -> projects.create(plan.input(), "plan")));
    }
    fileCountyPlans(stored);
    for (int i = 0; i < stored.size(); i++) {
      stored.set(i, history(stored.get(i), planned.get(i)));
    }
    if (dropped != null) {
      clock.replay(LocalDate.of(2023, 3, 18), () -> adjust(dropped, stored));
    }
    List<Project> now = projects.all().stream().filter(Project::inPlan).toList();
    designatePilots(now);
    SampleRecords.inspections(now, projects, inspections, clock);
    SampleRecords.reports(features.districtCodes(), now, reports, clock);
    jdbc.update("INSERT INTO app_state (name, value_text) VALUES (:n, 'true')",
        Map.of("n", LOADED));
  }

  /** The day the counties' plan projects were made, after the surveys of January–February. */
  private static final LocalDate PLAN_MADE = LocalDate.of(2023, 2, 15);

  /** Each county files its plan by 02-25 (Fengqiu two days late); the city office approves. */
  private void fileCountyPlans(List<Project> stored) {
    var districts = new java.util.TreeSet<String>();
    stored.forEach(p -> districts.add(p.district()));
    for (String d : districts) {
      LocalDate on = d.equals("fengqiu") ? LocalDate.of(2023, 2, 27) : LocalDate.of(2023, 2, 22);
      var filed = clock.replay(on, () -> plans.file(new CountyPlanService.FilingInput(d,
          SampleProjects.districtName(d) + "2023年城镇老旧小区改造年度实施计划", null, null,
          SampleProjects.districtName(d) + "百城办信息员")));
      clock.replay(on.plusDays(3), () -> plans.approve(filed.id()));
    }
  }

  /** Walks a project through its planned steps, each on its own day. */
  private Project history(Project start, SampleProjects.Plan plan) {
    Project p = clock.replay(plan.schemeOn(), () -> projects.transition(start.id(),
        start.version(), "scheme_drafted", "改造方案经街道审核"));
    String evidence = String.format(Locale.ROOT, "%s-%d 入户征求意见签字表", plan.consentOn(), p.id());
    long id = p.id();
    p = clock.replay(plan.consentOn(), () -> {
      projects.recordConsent(id, "scheme", plan.schemeConsent(), null, plan.consentOn(),
          evidence);
      Project q = projects.recordConsent(id, "property_management", plan.pmConsent(), null,
          plan.consentOn(), evidence);
      Project c = projects.transition(id, q.version(), "consent_collected", null);
      // The city office reviews the scheme the residents consented to (严格把关) the same day.
      asCityOffice(() -> approvals.approve(id, new SchemeApprovalService.ApprovalInput(
          "新百城办方案审〔2023〕" + id + "号", null, c.version())));
      return c;
    });
    if (plan.startOn() != null) {
      long v = p.version();
      p = clock.replay(plan.startOn(), () -> projects.transition(id, v, "started", "施工单位进场"));
    }
    if (plan.completeOn() != null) {
      long v = p.version();
      p = clock.replay(plan.completeOn(), () -> projects.transition(id, v, "completed", null));
    }
    return p;
  }

  /** Runs {@code work} as the city office (its approvals name it), then as the loader again. */
  private <T> T asCityOffice(java.util.function.Supplier<T> work) {
    return as(new JointWorksUser("city_office", "", true, Role.CITY_OFFICE, null), work);
  }

  /**
   * The adjustment's two steps (issue 12): the county officer files it, the city office approves
   * it the same day; returns the approved adjustment.
   */
  private Adjustment fileAndApprove(AdjustmentService.AdjustmentInput in) {
    var officer = new JointWorksUser(in.district() + "_officer", "", true, Role.COUNTY_OFFICER,
        null, in.district());
    Adjustment filed = as(officer, () -> adjustments.file(in));
    return asCityOffice(() -> decisions.approve(filed.id(),
        new AdjustmentDecisions.DecisionInput("符合调整规则，同意")));
  }

  private <T> T as(JointWorksUser office, java.util.function.Supplier<T> work) {
    var context = SecurityContextHolder.getContext();
    var loader = context.getAuthentication();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(office, null,
        office.getAuthorities()));
    try {
      return work.get();
    } finally {
      context.setAuthentication(loader);
    }
  }

  /**
   * Two 完整社区 pilots (sample data, not the plan's: the plan names no number): the largest
   * started project of Weibin and of Hongqi, designated by the county in April.
   */
  private void designatePilots(List<Project> inPlan) {
    for (String d : List.of("weibin", "hongqi")) {
      inPlan.stream().filter(p -> p.district().equals(d))
          .filter(p -> p.status().reached(org.jointworks.projects.ProjectStatus.STARTED))
          .max(Comparator.comparingLong(Project::households))
          .ifPresent(p -> clock.replay(LocalDate.of(2023, 4, 20), () -> pilots.designate(p.id(),
              new Pilots.PilotInput("完整社区建设试点：补齐养老、托育、便民服务短板"))));
    }
  }

  /** The one adjustment: Yanjin swaps a community whose residents did not consent. */
  private Project adjust(Feature dropped, List<Project> stored) {
    Project old = stored.stream().filter(p -> p.communityId() == dropped.id()).findFirst()
        .orElseThrow();
    var env = dropped.geometry().getEnvelopeInternal();
    double dx = Math.max(env.getWidth(), 0.002) + 0.004;
    StringBuilder ring = new StringBuilder();
    for (double[] xy : new double[][] {{env.getMinX(), env.getMinY()}, {env.getMaxX(),
        env.getMinY()}, {env.getMaxX(), env.getMaxY()}, {env.getMinX(), env.getMaxY()},
        {env.getMinX(), env.getMinY()}}) {
      ring.append(ring.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "[%.7f,%.7f]",
          xy[0] + dx, xy[1]));
    }
    String community = String.format(Locale.ROOT, "{\"type\":\"Feature\",\"geometry\":{\"type\":"
        + "\"Polygon\",\"coordinates\":[[%s]]},\"properties\":{\"name\":\"延津县供销社家属院\","
        + "\"district\":\"%s\",\"households\":%d,\"buildings\":%d,\"floor_area_m2\":%.1f,"
        + "\"build_year\":1994}}", ring, ADJUSTED_DISTRICT, old.households() + 12,
        old.buildings() + 1, Math.ceil(old.floorAreaM2() * 1.15));
    double budget = Math.ceil(old.budgetYuan() * 1.2 / 1000) * 1000;
    var in = new ProjectInput(null, 2023, budget, old.content(),
        SampleProjects.funding(budget, true, new SplittableRandom(7)), old.safeguards(),
        old.constructionUnit(), old.supervisingUnit(), old.responsiblePerson(),
        old.surveyFindings(), LocalDate.of(2023, 3, 8), null);
    var adjustment = fileAndApprove(new AdjustmentService.AdjustmentInput(ADJUSTED_DISTRICT,
        List.of(dropped.id()), List.of(new AdjustmentService.AddInput(null,
            json.readTree(community), in)), LocalDate.of(2023, 3, 18),
        old.name() + "居民对改造方案同意率不足80%，调出2023年计划；调入延津县供销社家属院",
        "延政文〔2023〕21号", "延住建〔2023〕15号", "延发改〔2023〕9号", "延财〔2023〕12号"));
    Project added = projects.get(adjustment.addedProjects().get(0));
    var plan = new SampleProjects.Plan(in, LocalDate.of(2023, 3, 19),
        Math.round(added.households() * 0.9), Math.round(added.households() * 0.86),
        LocalDate.of(2023, 3, 25), LocalDate.of(2023, 4, 12), null);
    return history(added, plan);
  }
}
