package org.jointworks.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.projects.ProgrammeProperties;
import org.jointworks.system.ApiException;
import org.jointworks.system.Audit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Submission, correction and approval of monthly reports, each write audited and versioned, and
 * the assessment of every county's reporting for the evaluation. Thread-safe.
 */
@Service
public class ReportService {
  private final ReportRepository repository;
  private final FeatureRepository features;
  private final ProgrammeProperties settings;
  private final Audit audit;
  private final ObjectMapper json;
  private final Clock clock = Clock.systemDefaultZone();

  ReportService(ReportRepository repository, FeatureRepository features,
      ProgrammeProperties settings, Audit audit, ObjectMapper json) {
    this.repository = repository;
    this.features = features;
    this.settings = settings;
    this.audit = audit;
    this.json = json;
  }

  /** The figures a county reports, and (on submission) which county, month and day. */
  public record ReportInput(String district, String period, LocalDate submittedOn,
      LocalDate correctedOn, Long projectsStarted, Long projectsCompleted,
      Long householdsCompleted, Double investmentYuan, String note, Long version) {}

  @Transactional(readOnly = true)
  public List<MonthlyReport> all() {
    return repository.findAll(settings.reportDueDay());
  }

  @Transactional(readOnly = true)
  public MonthlyReport get(long id) {
    return repository.find(id, settings.reportDueDay())
        .orElseThrow(() -> ApiException.notFound("monthly report " + id));
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
    LocalDate on = in.submittedOn() == null ? LocalDate.now(clock) : in.submittedOn();
    if (on.isAfter(LocalDate.now(clock)) || period != null && on.isBefore(period.atDay(1))) {
      problems.add("submittedOn: not in the future, nor before the month reported begins");
    }
    if (!problems.isEmpty()) {
      throw ApiException.unprocessable("the monthly report is not valid", problems);
    }
    if (repository.exists(in.district(), period.toString())) {
      throw ApiException.conflict(in.district() + " already reported " + period
          + "; correct that report (PUT /api/reports/{id})");
    }
    long id = repository.insert(report(in, in.district(), period.toString(), on));
    MonthlyReport stored = get(id);
    audit.record("submit", "monthly_reports", id, null, json.writeValueAsString(stored));
    return stored;
  }

  /** A correction: new figures, counted as a correction, back to awaiting approval. */
  @Transactional
  public MonthlyReport correct(long id, long expectedVersion, boolean fromHeader,
      ReportInput in) {
    MonthlyReport before = get(id);
    List<String> problems = figures(in);
    LocalDate on = in.correctedOn() == null ? LocalDate.now(clock) : in.correctedOn();
    if (on.isAfter(LocalDate.now(clock)) || on.isBefore(before.submittedOn())) {
      problems.add("correctedOn: between the submission (" + before.submittedOn()
          + ") and today");
    }
    if (!problems.isEmpty()) {
      throw ApiException.unprocessable("the correction is not valid", problems);
    }
    if (before.version() != expectedVersion || !repository.correct(id, expectedVersion,
        report(in, before.district(), before.period(), before.submittedOn()), on)) {
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
    if (!"approved".equals(decision) && !"returned".equals(decision)) {
      throw ApiException.unprocessable("the decision is not valid",
          List.of("decision: approved or returned"));
    }
    LocalDate day = on == null ? LocalDate.now(clock) : on;
    LocalDate last = before.correctedOn() != null ? before.correctedOn() : before.submittedOn();
    if (day.isAfter(LocalDate.now(clock)) || day.isBefore(last)) {
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
      LocalDate on) {
    return new MonthlyReport(0, 1, district, period, on, Audit.currentActor(),
        in.projectsStarted(), in.projectsCompleted(), in.householdsCompleted(),
        in.investmentYuan(), in.note(), 0, null, "submitted", null, null, null, false, 0);
  }

  private static ApiException stale(long id, boolean precondition) {
    return new ApiException(precondition ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT,
        "monthly report " + id + " was changed by someone else since you read it");
  }
}
