package org.jointworks.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jointworks.clock.BusinessClock;
import org.jointworks.clock.LateRecording;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.projects.CountyScope;
import org.jointworks.projects.ProgrammeProperties;
import org.jointworks.projects.Project;
import org.jointworks.projects.ProjectRepository;
import org.jointworks.projects.ProjectStatus;
import org.jointworks.system.ApiException;
import org.jointworks.system.Audit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Submission, correction and approval of monthly reports, each write audited and versioned, and
 * the assessment of every county's reporting for the evaluation. Dates are the server's (an ADMIN
 * records late on a county's behalf with a reason); the county's officer submits with its named
 * reporter, only the county's leader approves ({@link CountyScope}); every report is checked
 * against the projects' records at the end of its month (瞒报/错报 flagged, counted in the
 * evaluation). Thread-safe.
 */
@Service
public class ReportService {
  private final ReportRepository repository;
  private final FeatureRepository features;
  private final ProgrammeProperties settings;
  private final Audit audit;
  private final ObjectMapper json;
  private final BusinessClock clock;
  private final ProjectRepository projects;

  ReportService(ReportRepository repository, FeatureRepository features,
      ProgrammeProperties settings, Audit audit, ObjectMapper json, BusinessClock clock,
      ProjectRepository projects) {
    this.clock = clock;
    this.projects = projects;
    this.repository = repository;
    this.features = features;
    this.settings = settings;
    this.audit = audit;
    this.json = json;
  }

  /** The figures a county reports, and (on submission) which county, month and day. */
  public record ReportInput(String district, String period, LocalDate submittedOn,
      LocalDate correctedOn, Long projectsStarted, Long projectsCompleted,
      Long householdsCompleted, Double investmentYuan, String note, Long version,
      String reporter, String lateReason) {
    public ReportInput(String district, String period, LocalDate submittedOn,
        LocalDate correctedOn, Long projectsStarted, Long projectsCompleted,
        Long householdsCompleted, Double investmentYuan, String note, Long version) {
      this(district, period, submittedOn, correctedOn, projectsStarted, projectsCompleted,
          householdsCompleted, investmentYuan, note, version, null, null);
    }
  }

  @Transactional(readOnly = true)
  public List<MonthlyReport> all() {
    Map<String, List<Project>> byDistrict = new HashMap<>();
    for (Project p : projects.findAll()) {
      if (p.inPlan() && p.programmeYear() == settings.year()) {
        byDistrict.computeIfAbsent(p.district(), k -> new ArrayList<>()).add(p);
      }
    }
    return repository.findAll(settings.reportDueDay()).stream().map(r -> r.withCheck(
        check(r, byDistrict.getOrDefault(r.district(), List.of())))).toList();
  }

  @Transactional(readOnly = true)
  public MonthlyReport get(long id) {
    MonthlyReport r = repository.find(id, settings.reportDueDay())
        .orElseThrow(() -> ApiException.notFound("monthly report " + id));
    return r.withCheck(check(r, mine(r.district())));
  }

  private List<Project> mine(String district) {
    return projects.findByDistrict(district).stream()
        .filter(p -> p.inPlan() && p.programmeYear() == settings.year()).toList();
  }

  /** A report's figures against the projects' statuses at the end of its month. */
  static MonthlyReport.RecordCheck check(MonthlyReport r, List<Project> mine) {
    LocalDate end = YearMonth.parse(r.period()).atEndOfMonth();
    long started = mine.stream().filter(p -> p.statusOn(end).reached(ProjectStatus.STARTED))
        .count();
    List<Project> completed = mine.stream()
        .filter(p -> p.statusOn(end).reached(ProjectStatus.COMPLETED)).toList();
    long households = completed.stream().mapToLong(Project::households).sum();
    List<String> mismatches = new ArrayList<>();
    int lower = 0;
    lower += compare(mismatches, "projectsStarted", r.projectsStarted(), started);
    lower += compare(mismatches, "projectsCompleted", r.projectsCompleted(), completed.size());
    lower += compare(mismatches, "householdsCompleted", r.householdsCompleted(), households);
    String flag = mismatches.isEmpty() ? null
        : lower > 0 ? "possibly_concealed" : "possibly_wrong";
    return new MonthlyReport.RecordCheck(started, completed.size(), households,
        List.copyOf(mismatches), flag);
  }

  /** Notes a mismatch; 1 when the report said less than the records (瞒报). */
  private static int compare(List<String> out, String field, long reported, long records) {
    if (reported == records) {
      return 0;
    }
    out.add(field + ": reported " + reported + ", the records say " + records);
    return reported < records ? 1 : 0;
  }

  @Transactional
  public MonthlyReport submit(ReportInput in) {
    List<String> problems = figures(in);
    YearMonth period = null;
    try {
      period = in.period() == null ? null : YearMonth.parse(in.period());
    } catch (DateTimeParseException e) {
      // reported below
    }
    if (period == null) {
      problems.add("period: the month reported, yyyy-MM");
    }
    if (in.district() == null || !features.districtCodes().contains(in.district())) {
      problems.add("district: a district code of the districts layer");
    }
    if (in.reporter() == null || in.reporter().isBlank() || in.reporter().length() > 100) {
      problems.add("reporter: the county's named reporter (专人专责), up to 100 characters");
    }
    LateRecording when = LateRecording.of(clock, "submittedOn", in.submittedOn(),
        in.lateReason());
    LocalDate on = when.effectiveOn();
    if (period != null && on.isBefore(period.atDay(1))) {
      problems.add("submittedOn: not before the month reported begins");
    }
    if (in.district() != null && problems.isEmpty()) {
      long count = mine(in.district()).size();
      for (var e : Map.of("projectsStarted", nz(in.projectsStarted()), "projectsCompleted",
          nz(in.projectsCompleted())).entrySet()) {
        if (e.getValue() > count) {
          problems.add(e.getKey() + ": " + e.getValue() + " is more than the " + count
              + " projects in the plan of " + in.district());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw ApiException.unprocessable("the monthly report is not valid", problems);
    }
    CountyScope.check(in.district());
    if (repository.exists(in.district(), period.toString())) {
      throw ApiException.of(HttpStatus.CONFLICT, "report.exists", in.district()
          + " already reported " + period + "; correct that report (PUT /api/reports/{id})",
          Map.of("district", in.district(), "period", period.toString()));
    }
    long id = repository.insert(report(in, in.district(), period.toString(), on, when));
    MonthlyReport stored = get(id);
    audit.record(when.late() ? "submit_late" : "submit", "monthly_reports", id, null,
        json.writeValueAsString(stored));
    return stored;
  }

  /** A correction: new figures, counted as a correction, back to awaiting approval. */
  @Transactional
  public MonthlyReport correct(long id, long expectedVersion, boolean fromHeader,
      ReportInput in) {
    MonthlyReport before = get(id);
    CountyScope.check(before.district());
    List<String> problems = figures(in);
    LocalDate on = LateRecording.of(clock, "correctedOn", in.correctedOn(), in.lateReason())
        .effectiveOn();
    if (on.isBefore(before.submittedOn())) {
      problems.add("correctedOn: between the submission (" + before.submittedOn()
          + ") and today");
    }
    if (!problems.isEmpty()) {
      throw ApiException.unprocessable("the correction is not valid", problems);
    }
    if (before.version() != expectedVersion || !repository.correct(id, expectedVersion,
        report(in, before.district(), before.period(), before.submittedOn(), null), on)) {
      throw stale(id, fromHeader);
    }
    MonthlyReport stored = get(id);
    audit.record("correct", "monthly_reports", id, json.writeValueAsString(before),
        json.writeValueAsString(stored));
    return stored;
  }

  /** A leader's decision: {@code approved} (the report counts) or {@code returned}. */
  @Transactional
  public MonthlyReport decide(long id, long expectedVersion, boolean fromHeader,
      String decision, LocalDate on) {
    MonthlyReport before = get(id);
    // Only the county unit's own leader approves (上报项目信息必须经单位领导审核同意).
    CountyScope.check(before.district());
    if (!"approved".equals(decision) && !"returned".equals(decision)) {
      throw ApiException.unprocessable("the decision is not valid",
          List.of("decision: approved or returned"));
    }
    LocalDate day = LateRecording.of(clock, "on", on, null).effectiveOn();
    LocalDate last = before.correctedOn() != null ? before.correctedOn() : before.submittedOn();
    if (day.isBefore(last)) {
      throw ApiException.unprocessable("the decision is not valid",
          List.of("on: between the last submission or correction (" + last + ") and today"));
    }
    if (!"submitted".equals(before.status())) {
      throw ApiException.conflict("monthly report " + id + " is " + before.status()
          + "; only a submitted report awaits a decision");
    }
    if (before.version() != expectedVersion || !repository.decide(id, expectedVersion, decision,
        Audit.currentActor(), day)) {
      throw stale(id, fromHeader);
    }
    MonthlyReport stored = get(id);
    audit.record(decision.equals("approved") ? "approve" : "return", "monthly_reports", id,
        json.writeValueAsString(before), json.writeValueAsString(stored));
    return stored;
  }

  /** Every county's due months as of {@code asOf}, keyed by district code. */
  @Transactional(readOnly = true)
  public Map<String, List<Reporting.Month>> assess(LocalDate asOf) {
    Map<String, Map<String, MonthlyReport>> byDistrict = new HashMap<>();
    for (MonthlyReport r : all()) {
      byDistrict.computeIfAbsent(r.district(), k -> new HashMap<>()).put(r.period(), r);
    }
    var deadlines = settings.deadlinesOf(settings.year());
    YearMonth first = YearMonth.from(deadlines.planFiled());
    YearMonth last = YearMonth.of(settings.year(), 12);
    Map<String, List<Reporting.Month>> out = new LinkedHashMap<>();
    for (String d : new TreeSet<>(features.districtCodes())) {
      out.put(d, Reporting.assess(byDistrict.getOrDefault(d, Map.of()), first, last,
          settings.reportDueDay(), asOf));
    }
    return out;
  }

  private static List<String> figures(ReportInput in) {
    List<String> problems = new ArrayList<>();
    for (var e : Map.of("projectsStarted", nz(in.projectsStarted()), "projectsCompleted",
        nz(in.projectsCompleted()), "householdsCompleted", nz(in.householdsCompleted()))
        .entrySet()) {
      if (e.getValue() < 0) {
        problems.add(e.getKey() + ": a count, 0 or more");
      }
    }
    // Bounded above as well: 1e308 yuan is no report (issue 11); a trillion is beyond any county.
    if (in.investmentYuan() == null || !(in.investmentYuan() >= 0)
        || in.investmentYuan() > 1e12) {
      problems.add("investmentYuan: the investment completed, 0 to 10^12 yuan");
    }
    if (in.note() != null && in.note().length() > 1000) {
      problems.add("note: up to 1000 characters");
    }
    return problems;
  }

  private static long nz(Long v) {
    return v == null ? -1 : v;
  }

  private static MonthlyReport report(ReportInput in, String district, String period,
      LocalDate on, LateRecording when) {
    return new MonthlyReport(0, 1, district, period, on, Audit.currentActor(),
        in.projectsStarted(), in.projectsCompleted(), in.householdsCompleted(),
        in.investmentYuan(), in.note(), 0, null, "submitted", null, null, null, false, 0,
        in.reporter(), when == null ? null : when.recordedOn(),
        when == null ? null : when.lateReason(), null);
  }

  private static ApiException stale(long id, boolean precondition) {
    return new ApiException(precondition ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT,
        "report.stale", "monthly report " + id + " was changed by someone else since you read it",
        Map.of("report", id), null, null);
  }
}
