package org.jointworks.adjustments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jointworks.clock.BusinessClock;
import org.jointworks.layers.FeatureReader;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.layers.Layer;
import org.jointworks.layers.LayerService;
import org.jointworks.projects.ProgrammeProperties;
import org.jointworks.projects.Project;
import org.jointworks.projects.ProjectInput;
import org.jointworks.projects.ProjectRepository;
import org.jointworks.projects.ProjectService;
import org.jointworks.notifications.Notice;
import org.jointworks.system.ApiException;
import org.jointworks.system.Audit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The city office's decision on a filed adjustment. Approval claims the row (a second, concurrent
 * decision finds it decided: 409), checks the adjustment again against the filed baseline and the
 * plan as they are now — a baseline or plan that moved since the filing is 409, the rule still
 * holding is required — and only then applies it; refusal needs a reason and changes no project.
 * Decided adjustments never change again; the one who filed may not decide; the day and the
 * decider are the server's. Audited; the county's users hear of the decision. Thread-safe.
 */
@Service
public class AdjustmentDecisions {
  private final AdjustmentService adjustments;
  private final AdjustmentRepository repository;
  private final BusinessClock clock;
  private final Audit audit;
  private final ObjectMapper json;
  private final ApplicationEventPublisher events;
  private final FeatureRepository features;
  private final ProjectRepository projects;
  private final ProjectService projectService;
  private final LayerService layers;
  private final ProgrammeProperties settings;

  AdjustmentDecisions(AdjustmentService adjustments, AdjustmentRepository repository,
      BusinessClock clock, Audit audit, ObjectMapper json, ApplicationEventPublisher events,
      FeatureRepository features, ProjectRepository projects, ProjectService projectService,
      LayerService layers, ProgrammeProperties settings) {
    this.features = features;
    this.projects = projects;
    this.projectService = projectService;
    this.layers = layers;
    this.settings = settings;
    this.adjustments = adjustments;
    this.repository = repository;
    this.clock = clock;
    this.audit = audit;
    this.json = json;
    this.events = events;
  }

  /** The city office's word: a reason, required to refuse, optional to approve. */
  public record DecisionInput(String reason) {
    public DecisionInput {
      if (reason != null && reason.length() > 1000) {
        throw ApiException.unprocessable("the decision is not valid",
            List.of("reason: up to 1000 characters"));
      }
      reason = reason == null || reason.isBlank() ? null : reason.strip();
    }
  }

  @Transactional
  public Adjustment approve(long id, DecisionInput in) {
    Adjustment before = claim(id, Adjustment.APPROVED, in);
    String[] filing = repository.filing(id).orElseThrow();
    var input = adjustments.readInput(filing[1]);
    AdjustmentService.Evaluation e;
    try {
      e = adjustments.evaluate(input);
    } catch (ApiException x) {
      if (x.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
        throw x;
      }
      throw moved(before, "the plan changed since the filing: " + x.getMessage());
    }
    if (!adjustments.toJson(e.original()).equals(filing[0])) {
      throw moved(before, "the filed baseline is not the one the adjustment was checked against");
    }
    if (!adjustments.toJson(e.before()).equals(before.beforeJson())) {
      throw moved(before, "the plan now is not the one the adjustment was filed against");
    }
    adjustments.holds(e);
    var applied = applyChanges(input, e);
    repository.addChanges(id, applied.withdrawn(), applied.added());
    return decided(before, "approve");
  }

  @Transactional
  public Adjustment refuse(long id, DecisionInput in) {
    if (in == null || in.reason() == null) {
      throw ApiException.unprocessable("the decision is not valid",
          List.of("reason: required to refuse"));
    }
    return decided(claim(id, Adjustment.REFUSED, in), "refuse");
  }

  private Adjustment claim(long id, String status, DecisionInput in) {
    Adjustment a = repository.find(id).orElseThrow(() -> ApiException.of(HttpStatus.NOT_FOUND,
        "adjustment.not_found", "there is no adjustment " + id, Map.of("id", id)));
    String me = Audit.currentActor();
    if (me.equals(a.actor())) {
      throw ApiException.of(HttpStatus.FORBIDDEN, "adjustment.own", me + " filed adjustment "
          + id + " and may not decide it", Map.of("id", id));
    }
    if (!Adjustment.FILED.equals(a.status()) || !repository.decide(id, status, me, clock.today(),
        clock.now(), in == null ? null : in.reason())) {
      throw ApiException.of(HttpStatus.CONFLICT, "adjustment.decided", "adjustment " + id
          + " is decided already; a decided adjustment does not change", Map.of("id", id));
    }
    return a;
  }

  private Adjustment decided(Adjustment before, String action) {
    Adjustment after = repository.find(before.id()).orElseThrow();
    audit.record(action, "adjustments", before.id(), json.writeValueAsString(before),
        json.writeValueAsString(after));
    events.publishEvent(new Notice("adjustment." + after.status(), "adjustments", after.id(),
        Set.of(), false, Audit.currentActor(), "adjustment " + after.id() + " of "
            + after.district() + " was " + after.status() + " by the city office",
        Map.of("id", after.id(), "district", districtName(after.district()),
            "districtCode", after.district()), Set.of(after.district())));
    return after;
  }

  /** The district's name for the notice (the map shows names, not codes). */
  private String districtName(String code) {
    return features.findAll(Layer.DISTRICTS).stream().filter(f -> code.equals(f.text("code")))
        .map(f -> f.text("name")).findFirst().orElse(code);
  }

  /**
   * Applies an approved adjustment inside the approval's transaction: withdraws the dropped
   * projects (kept, marked) and creates the added communities and projects.
   */
  private Applied applyChanges(AdjustmentService.AdjustmentInput in,
      AdjustmentService.Evaluation e) {
    List<Long> withdrawn = new ArrayList<>();
    for (Project p : e.dropped()) {
      if (!projects.withdraw(p.id(), p.version())) {
        throw ApiException.conflict("project " + p.id() + " changed meanwhile; check again");
      }
      audit.record("withdraw", "projects", p.id(), projectService.toJson(p),
          projectService.toJson(projectService.get(p.id())));
      withdrawn.add(p.id());
    }
    List<Long> added = new ArrayList<>();
    for (AdjustmentService.AddInput a : in.add() == null
        ? List.<AdjustmentService.AddInput>of() : in.add()) {
      // A new community was validated by the check (FeatureReader, as the layer would); the
      // adjustment, approved by the city office, stores it itself.
      long communityId = a.communityId() != null ? a.communityId()
          : layers.createTrusted(Layer.COMMUNITIES, new FeatureReader(Layer.COMMUNITIES,
              features.districtCodes(), features.organisationCodes()).read(a.community())
              .feature()).id();
      ProjectInput p = a.project();
      added.add(projectService.create(new ProjectInput(communityId, settings.year(),
          p.budgetYuan(), p.content(), p.funding(), p.safeguards(), p.constructionUnit(),
          p.supervisingUnit(), p.responsiblePerson(), p.surveyFindings(), p.surveyedOn(), null,
          null, p.eligibilityException()),
          "adjustment").id());
    }
    return new Applied(withdrawn, added);
  }

  /** The projects an approval withdrew and added. */
  private record Applied(List<Long> withdrawn, List<Long> added) {}

  private static ApiException moved(Adjustment a, String why) {
    return ApiException.of(HttpStatus.CONFLICT, "adjustment.baseline_moved", why
        + "; adjustment " + a.id() + " stays filed: refuse it and file again",
        Map.of("id", a.id(), "district", a.district()));
  }
}
