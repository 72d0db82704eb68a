package org.jointworks.projects;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.layers.Layer;
import org.jointworks.system.ApiException;
import org.jointworks.system.Audit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The use cases of projects: create and edit with optimistic locking, record consent, move
 * through the workflow past its gates. Every write is one transaction with its audit record.
 * Thread-safe.
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
  private final Clock clock = Clock.systemDefaultZone();

  ProjectService(ProjectRepository repository, FeatureRepository features, Catalogue catalogue,
      ProgrammeProperties settings, AcceptanceEvidence acceptance, Audit audit,
      ObjectMapper json) {
    this.repository = repository;
    this.features = features;
    this.catalogue = catalogue;
    this.settings = settings;
    this.acceptance = acceptance;
    this.audit = audit;
    this.json = json;
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
    return ProjectView.of(p, catalogue, settings.consentThreshold(), LocalDate.now(clock));
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
    LocalDate surveyed = in.surveyedOn() == null ? LocalDate.now(clock) : in.surveyedOn();
    if (surveyed.isAfter(LocalDate.now(clock))) {
      problems.add("surveyedOn: the survey's day must not be in the future");
    }
    if (!problems.isEmpty()) {
      throw ApiException.unprocessable("the project is not valid", problems);
    }
    if (repository.idOfCommunity(community.id(), year).isPresent()) {
      throw ApiException.conflict("community " + community.id() + " already has a project in "
          + year + ": project " + repository.idOfCommunity(community.id(), year).get());
    }
    Project p = new Project(0, 1, year, community.id(), community.text("district"),
        community.text("name"), ((Number) community.get("households")).longValue(),
        ((Number) community.get("buildings")).longValue(),
        ((Number) community.get("floor_area_m2")).doubleValue(), in.budgetYuan(), in.content(),
        ProjectValidation.funding(in), in.safeguards(), in.constructionUnit(),
        in.supervisingUnit(), in.responsiblePerson(),
        in.surveyFindings() == null ? List.of() : in.surveyFindings(), ProjectStatus.SURVEYED,
        true, origin, List.of(), List.of());
    long id = repository.insert(p);
    repository.insertTransition(id, new Project.Transition(null, ProjectStatus.SURVEYED,
        surveyed, Instant.now(clock), Audit.currentActor(), "created"));
    Project stored = get(id);
    audit.record("create", "projects", id, null, toJson(stored));
    return stored;
  }

  @Transactional
  public Project replace(long id, long expectedVersion, boolean fromHeader, ProjectInput in) {
    Project before = get(id);
    if (in.communityId() != null && in.communityId() != before.communityId()) {
      throw ApiException.unprocessable("the project is not valid",
          List.of("communityId: a project's community cannot change; an adjustment swaps"
              + " communities (POST /api/adjustments)"));
    }
    var problems = ProjectValidation.problems(in, catalogue);
    if (!problems.isEmpty()) {
      throw ApiException.unprocessable("the project is not valid", problems);
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
    Project stored = get(id);
    audit.record("update", "projects", id, toJson(before), toJson(stored));
    return stored;
  }

  /** Records one consent count; the latest count of a question is the one the gate reads. */
  @Transactional
  public Project recordConsent(long id, String question, Long consenting, Long opposing,
      LocalDate collectedOn, String evidenceRef) {
    Project before = get(id);
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
    if (collectedOn == null || collectedOn.isAfter(LocalDate.now(clock))) {
      problems.add("collectedOn: the day the consent was collected, not in the future");
    }
    if (evidenceRef == null || evidenceRef.isBlank() || evidenceRef.length() > 200) {
      problems.add("evidenceRef: the reference of the evidence (signed forms, minutes), up to"
          + " 200 characters");
    }
    if (!problems.isEmpty()) {
      throw ApiException.unprocessable("the consent record is not valid", problems);
    }
    repository.insertConsent(id, new Project.Consent(q.get(), consenting, opposing, collectedOn,
        evidenceRef, Instant.now(clock), Audit.currentActor()));
    Project stored = get(id);
    audit.record("consent", "projects", id, toJson(before), toJson(stored));
    return stored;
  }

  /** Moves the project one step forward, past the step's gate, on {@code on} (default today). */
  @Transactional
  public Project transition(long id, long expectedVersion, boolean fromHeader, String to,
      LocalDate on, String note) {
    Project before = get(id);
    ProjectStatus target = ProjectStatus.byCode(to).orElseThrow(() -> ApiException
        .unprocessable("the transition is not valid", List.of("to: one of surveyed,"
            + " scheme_drafted, consent_collected, started, completed, accepted, handed_over")));
    LocalDate day = on == null ? LocalDate.now(clock) : on;
    if (!before.inPlan()) {
      throw ApiException.conflict("project " + id + " was withdrawn from the plan by an"
          + " adjustment; it does not move any more");
    }
    if (before.status().next().orElse(null) != target) {
      throw ApiException.conflict("project " + id + " is " + before.status().code()
          + "; the next step is " + before.status().next().map(ProjectStatus::code)
              .orElse("none (it is handed over)"));
    }
    LocalDate last = before.transitions().stream().map(Project.Transition::effectiveOn)
        .max(LocalDate::compareTo).orElse(LocalDate.MIN);
    if (day.isAfter(LocalDate.now(clock)) || day.isBefore(last)) {
      throw ApiException.unprocessable("the transition is not valid", List.of("on: " + day
          + " must not be in the future nor before the previous step (" + last + ")"));
    }
    if (note != null && note.length() > 500) {
      throw ApiException.unprocessable("the transition is not valid",
          List.of("note: up to 500 characters"));
    }
    gate(before, target, day);
    if (before.version() != expectedVersion
        || !repository.updateStatus(id, expectedVersion, target)) {
      throw stale(id, fromHeader);
    }
    repository.insertTransition(id, new Project.Transition(before.status(), target, day,
        Instant.now(clock), Audit.currentActor(), note));
    Project stored = get(id);
    audit.record("transition", "projects", id, toJson(before), toJson(stored));
    return stored;
  }

  private void gate(Project p, ProjectStatus target, LocalDate day) {
    switch (target) {
      case CONSENT_COLLECTED -> {
        for (ConsentQuestion q : ConsentQuestion.values()) {
          if (p.latestConsent(q, day).isEmpty()) {
            throw ApiException.conflict("record the consent count of '" + q.code()
                + "' first (POST /api/projects/" + p.id() + "/consent)");
          }
        }
      }
      case STARTED -> {
        var figures = ConsentGate.figures(p, settings.consentThreshold(), day);
        if (!figures.stream().allMatch(ConsentGate.Figure::met)) {
          Map<String, Object> extra = new LinkedHashMap<>();
          extra.put("thresholdPercent", settings.consentThreshold() * 100);
          extra.put("consent", figures);
          StringBuilder why = new StringBuilder("project " + p.id() + " may not start: ");
          for (var f : figures) {
            why.append(String.format(java.util.Locale.ROOT, "%s %d of %d households (%.2f%%)%s; ",
                f.question(), f.householdsConsenting(), f.households(), f.percent(),
                f.met() ? "" : " below " + f.requiredPercent() + "%"));
          }
          why.append("both need at least ").append(settings.consentThreshold() * 100)
              .append("% of households (经80%以上居民同意后方可开工)");
          throw new ApiException(HttpStatus.CONFLICT, why.toString(), null, extra);
        }
      }
      case ACCEPTED -> {
        if (!acceptance.passedAcceptance(p.id(), day)) {
          throw ApiException.conflict("project " + p.id() + " has no passed acceptance"
              + " inspection by " + day + " (POST /api/inspections with kind acceptance)");
        }
      }
      default -> { }
    }
  }

  static ApiException stale(long id, boolean precondition) {
    return new ApiException(precondition ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT,
        "project " + id + " was changed by someone else since you read it;"
            + " read it again and reapply your change");
  }

  public String toJson(Project p) {
    return json.writeValueAsString(view(p));
  }
}
