package org.jointworks.projects;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jointworks.clock.BusinessClock;
import org.jointworks.clock.LateRecording;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.layers.Layer;
import org.jointworks.system.ApiException;
import org.jointworks.system.Audit;
import org.jointworks.system.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The use cases of projects: create and edit with optimistic locking, record consent, move
 * through the workflow past its gates ({@link WorkflowGates}). Dates are the server's
 * ({@link BusinessClock}); a county officer writes only its county's projects
 * ({@link CountyScope}); once the county's plan is filed ({@link PlanBaseline}) no new plan
 * project appears and no budget is cut outside an adjustment; a material change of a consented
 * scheme unbinds the consent ({@link SchemeChange}). Every write is one transaction with its audit
 * record. Thread-safe.
 */
@Service
public class ProjectService {
  private final ProjectRepository repository;
  private final FeatureRepository features;
  private final Catalogue catalogue;
  private final ProgrammeProperties settings;
  private final AcceptanceEvidence acceptance;
  private final Audit audit;
  private final ObjectMapper json;
  private final BusinessClock clock;
  private final PlanBaseline baseline;
  private final RuleSettings rules;
  private final SchemeApprovalService approvals;
  private final FundsService funds;
  private final Eligibility eligibility;
  private final Pilots pilots;

  ProjectService(ProjectRepository repository, FeatureRepository features, Catalogue catalogue,
      ProgrammeProperties settings, AcceptanceEvidence acceptance, Audit audit,
      ObjectMapper json, BusinessClock clock, PlanBaseline baseline, RuleSettings rules,
      SchemeApprovalService approvals, FundsService funds, Eligibility eligibility,
      Pilots pilots) {
    this.pilots = pilots;
    this.approvals = approvals;
    this.funds = funds;
    this.eligibility = eligibility;
    this.repository = repository;
    this.features = features;
    this.catalogue = catalogue;
    this.settings = settings;
    this.acceptance = acceptance;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
    this.baseline = baseline;
    this.rules = rules;
  }

  @Transactional(readOnly = true)
  public Project get(long id) {
    return repository.find(id).orElseThrow(() -> ApiException.notFound("project " + id));
  }

  @Transactional(readOnly = true)
  public List<Project> all() {
    return repository.findAll();
  }

  public ProjectView view(Project p) {
    return ProjectView.of(p, catalogue, settings.consentThreshold(), clock.today(),
        eligibility.of(p.id()).orElse(null), pilots.isPilot(p.id()));
  }

  /** The views of many projects, with two queries for eligibility and pilots, not two each. */
  @Transactional(readOnly = true)
  public List<ProjectView> views(List<Project> ps) {
    var assessed = eligibility.all(null);
    var pilot = pilots.all();
    return ps.stream().map(p -> ProjectView.of(p, catalogue, settings.consentThreshold(),
        clock.today(), assessed.get(p.id()), pilot.containsKey(p.id()))).toList();
  }

  /**
   * Creates the project of a stored community; {@code origin} is {@code plan}, or
   * {@code adjustment} when an adjustment adds it (inside the adjustment's transaction).
   */
  @Transactional
  public Project create(ProjectInput in, String origin) {
    var problems = new java.util.ArrayList<>(ProjectValidation.problems(in, catalogue));
    Feature community = null;
    if (in.communityId() == null) {
      problems.add(0, "communityId: name the community (communities layer) the project renovates");
    } else {
      community = features.find(Layer.COMMUNITIES, in.communityId()).orElse(null);
      if (community == null) {
        problems.add(0, "communityId: there is no community " + in.communityId());
      }
    }
    int year = in.programmeYear() == null ? settings.year() : in.programmeYear();
    if (!settings.deadlines().containsKey(year)) {
      problems.add("programmeYear: no deadlines are set for " + year
          + " (jointworks.programme.deadlines)");
    }
    LocalDate today = clock.today();
    // The survey's day is a fact of the field (the day of 摸底排查), not a filing; it is never
    // after the server's today.
    LocalDate surveyed = in.surveyedOn() == null ? today : in.surveyedOn();
    if (surveyed.isAfter(today)) {
      problems.add("surveyedOn: the survey's day must not be in the future");
    }
    if (!problems.isEmpty()) {
      throw ProjectValidation.refusal(problems);
    }
    CountyScope.check(community.text("district"));
    if ("plan".equals(origin)) {
      var filed = baseline.filedOn(community.text("district"), year);
      if (filed.isPresent()) {
        throw ApiException.of(HttpStatus.CONFLICT, "plan.filed", "the " + year + " plan of "
            + community.text("district") + " was filed on " + filed.get() + "; a community"
            + " joins it only through an adjustment (POST /api/adjustments)",
            Map.of("district", community.text("district"), "filedOn", filed.get().toString()));
      }
    }
    if (repository.idOfCommunity(community.id(), year).isPresent()) {
      throw ApiException.conflict("community " + community.id() + " already has a project in "
          + year + ": project " + repository.idOfCommunity(community.id(), year).get());
    }
    var eligible = eligibility.assess(community, in.eligibilityException(),
        Audit.currentActor(), today);
    Project p = new Project(0, 1, year, community.id(), community.text("district"),
        community.text("name"), ((Number) community.get("households")).longValue(),
        ((Number) community.get("buildings")).longValue(),
        ((Number) community.get("floor_area_m2")).doubleValue(), in.budgetYuan(), in.content(),
        ProjectValidation.funding(in), in.safeguards(), in.constructionUnit(),
        in.supervisingUnit(), in.responsiblePerson(),
        in.surveyFindings() == null ? List.of() : in.surveyFindings(), ProjectStatus.SURVEYED,
        true, origin, List.of(), List.of());
    long id = repository.insert(p);
    eligibility.store(id, eligible);
    repository.insertTransition(id, new Project.Transition(null, ProjectStatus.SURVEYED,
        surveyed, clock.now(), Audit.currentActor(), "created", today, null));
    Project stored = get(id);
    audit.record("create", "projects", id, null, toJson(stored));
    return stored;
  }

  @Transactional
  public Project replace(long id, long expectedVersion, boolean fromHeader, ProjectInput in) {
    Project before = get(id);
    boolean cityOffice = CountyScope.is(Role.CITY_OFFICE);
    if (!cityOffice) {
      CountyScope.check(before.district());
    }
    if (in.communityId() != null && in.communityId() != before.communityId()) {
      throw ApiException.unprocessable("the project is not valid",
          List.of("communityId: a project's community cannot change; an adjustment swaps"
              + " communities (POST /api/adjustments)"));
    }
    var problems = ProjectValidation.problems(in, catalogue);
    if (!problems.isEmpty()) {
      throw ProjectValidation.refusal(problems);
    }
    var filed = baseline.filedOn(before.district(), before.programmeYear());
    if (filed.isPresent() && before.inPlan()
        && Math.round(in.budgetYuan() * 100) < Math.round(before.budgetYuan() * 100)) {
      throw ApiException.of(HttpStatus.CONFLICT, "plan.baseline_frozen", String.format(
          java.util.Locale.ROOT, "the %d plan of %s was filed on %s: a budget cut (%.2f to %.2f"
              + " yuan) goes through an adjustment (POST /api/adjustments), checked against the"
              + " filed plan", before.programmeYear(), before.district(), filed.get(),
          before.budgetYuan(), in.budgetYuan()),
          Map.of("district", before.district(), "project", id, "route", "/api/adjustments"));
    }
    LocalDate today = clock.today();
    List<String> material = SchemeChange.consulted(before)
        ? SchemeChange.material(before, in, rules.schemeChangeShare()) : List.of();
    boolean started = before.status().reached(ProjectStatus.STARTED);
    if (!material.isEmpty() && started && (!cityOffice || blank(in.schemeApprovalRef()))) {
      throw ApiException.of(HttpStatus.CONFLICT, "scheme.needs_city_approval", "project " + id
          + " has started on the scheme its residents consented to; a material change ("
          + String.join("; ", material) + ") needs the city office's recorded approval"
          + " (a PUT by the city office with schemeApprovalRef)",
          Map.of("project", id, "changes", material));
    }
    if (cityOffice && material.isEmpty()) {
      throw ApiException.of(HttpStatus.FORBIDDEN, "scheme.city_office_approves_only",
          "the city office edits a project only to approve a material change of its scheme",
          Map.of("project", id));
    }
    Project after = new Project(id, before.version(), before.programmeYear(),
        before.communityId(), before.district(), before.name(), before.households(),
        before.buildings(), before.floorAreaM2(), in.budgetYuan(), in.content(),
        ProjectValidation.funding(in), in.safeguards(), in.constructionUnit(),
        in.supervisingUnit(), in.responsiblePerson(),
        in.surveyFindings() == null ? List.of() : in.surveyFindings(), before.status(),
        before.inPlan(), before.origin(), before.consent(), before.transitions());
    if (before.version() != expectedVersion || !repository.update(id, expectedVersion, after)) {
      throw stale(id, fromHeader);
    }
    if (!material.isEmpty() && !started) {
      // Consent binds the scheme: the residents are asked again about the changed one.
      ProjectStatus back = before.status() == ProjectStatus.CONSENT_COLLECTED
          ? ProjectStatus.SCHEME_DRAFTED : before.status();
      repository.schemeChanged(id, today, back);
      if (back != before.status()) {
        repository.insertTransition(id, new Project.Transition(before.status(), back, today,
            clock.now(), Audit.currentActor(), "material change after consent: "
                + String.join("; ", material) + "; consent needed again", today, null));
      }
    }
    Project stored = get(id);
    audit.record(material.isEmpty() ? "update" : started ? "scheme_change_approved"
        : "scheme_change", "projects", id, toJson(before), toJson(stored));
    if (started && !material.isEmpty()) {
      // The approval itself, its own record (who, when, what), beside the change it approves.
      approvals.recordChange(stored, in.schemeApprovalRef(), String.join("; ", material));
    }
    return stored;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** Records one consent count; the latest count of a question is the one the gate reads. */
  @Transactional
  public Project recordConsent(long id, String question, Long consenting, Long opposing,
      LocalDate collectedOn, String evidenceRef) {
    Project before = get(id);
    CountyScope.check(before.district());
    var problems = new java.util.ArrayList<String>();
    var q = ConsentQuestion.byCode(question);
    if (q.isEmpty()) {
      problems.add("question: scheme or property_management");
    }
    if (consenting == null || consenting < 0 || consenting > before.households()) {
      problems.add("householdsConsenting: between 0 and the project's " + before.households()
          + " households");
    }
    if (opposing != null && (opposing < 0 || consenting != null
        && consenting + opposing > before.households())) {
      problems.add("householdsOpposing: with the consenting ones at most "
          + before.households() + " households");
    }
    // The day on the signed forms is a fact of the field; it is never after the server's today,
    // nor before the scheme last changed (consent binds the scheme it was asked about).
    if (collectedOn == null || collectedOn.isAfter(clock.today())) {
      problems.add("collectedOn: the day the consent was collected, not in the future");
    } else if (before.schemeChangedOn() != null
        && collectedOn.isBefore(before.schemeChangedOn())) {
      problems.add("collectedOn: the scheme changed on " + before.schemeChangedOn()
          + "; a count of the changed scheme is collected on or after that day");
    }
    if (evidenceRef == null || evidenceRef.isBlank() || evidenceRef.length() > 200) {
      problems.add("evidenceRef: the reference of the evidence (signed forms, minutes), up to"
          + " 200 characters");
    }
    if (!problems.isEmpty()) {
      throw ApiException.unprocessable("the consent record is not valid", problems);
    }
    repository.insertConsent(id, new Project.Consent(q.get(), consenting, opposing, collectedOn,
        evidenceRef, clock.now(), Audit.currentActor()));
    Project stored = get(id);
    audit.record("consent", "projects", id, toJson(before), toJson(stored));
    return stored;
  }

  /**
   * Moves the project one step forward, past the step's gate, today by the server's clock; an
   * ADMIN may record a step late on someone's behalf with {@code on} and {@code lateReason}.
   */
  @Transactional
  public Project transition(long id, long expectedVersion, boolean fromHeader, String to,
      LocalDate on, String note, String lateReason) {
    Project before = get(id);
    CountyScope.check(before.district());
    ProjectStatus target = ProjectStatus.byCode(to).orElseThrow(() -> ApiException
        .unprocessable("the transition is not valid", List.of("to: one of surveyed,"
            + " scheme_drafted, consent_collected, started, completed, accepted, handed_over")));
    LateRecording when = LateRecording.of(clock, "on", on, lateReason);
    LocalDate day = when.effectiveOn();
    if (!before.inPlan()) {
      throw ApiException.of(HttpStatus.CONFLICT, "project.withdrawn", "project " + id
          + " was withdrawn from the plan by an adjustment; it does not move any more",
          Map.of("project", id));
    }
    if (before.status().next().orElse(null) != target) {
      throw ApiException.of(HttpStatus.CONFLICT, "project.not_next_step", "project " + id
          + " is " + before.status().code() + "; the next step is " + before.status().next()
              .map(ProjectStatus::code).orElse("none (it is handed over)"),
          Map.of("project", id, "status", before.status().code()));
    }
    LocalDate last = before.transitions().stream().map(Project.Transition::effectiveOn)
        .max(LocalDate::compareTo).orElse(LocalDate.MIN);
    if (day.isBefore(last)) {
      throw ApiException.unprocessable("the transition is not valid", List.of("on: " + day
          + " must not be before the previous step (" + last + ")"));
    }
    if (note != null && note.length() > 500) {
      throw ApiException.unprocessable("the transition is not valid",
          List.of("note: up to 500 characters"));
    }
    new WorkflowGates(settings.consentThreshold(), acceptance, approvals, funds)
        .check(before, target, day);
    if (before.version() != expectedVersion
        || !repository.updateStatus(id, expectedVersion, target)) {
      throw stale(id, fromHeader);
    }
    repository.insertTransition(id, new Project.Transition(before.status(), target, day,
        clock.now(), Audit.currentActor(), note, when.recordedOn(), when.lateReason()));
    Project stored = get(id);
    audit.record(when.late() ? "transition_late" : "transition", "projects", id, toJson(before),
        toJson(stored));
    return stored;
  }

  /** The same, today by the server's clock: what the service itself and the sample call. */
  public Project transition(long id, long expectedVersion, String to, String note) {
    return transition(id, expectedVersion, false, to, null, note, null);
  }

  static ApiException stale(long id, boolean precondition) {
    return new ApiException(precondition ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT,
        "project.stale", "project " + id + " was changed by someone else since you read it;"
            + " read it again and reapply your change", Map.of("project", id), null, null);
  }

  public String toJson(Project p) {
    return json.writeValueAsString(view(p));
  }
}
