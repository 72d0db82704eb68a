package org.jointworks.permits;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jointworks.coordination.ConflictService;
import org.jointworks.coordination.engine.WorkConflict;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Layer;
import org.jointworks.layers.LayerService;
import org.jointworks.notifications.Notice;
import org.jointworks.system.ApiException;
import org.jointworks.system.Audit;
import org.jointworks.system.JointWorksUser;
import org.jointworks.system.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The permit steps of a work ({@link Step}): each checks who acts, the status it leaves, the
 * step's own gate (approval: {@link OpenConflicts}; start: {@link ConsentCheck}), then moves the
 * work's status through {@link LayerService#replaceTrusted} (version check, audit, layer
 * revision) and records the step with the server's clock in {@code work_steps}, all in one
 * transaction. Submission and approval record the conflicts and clearance problems they were
 * decided on. Notices go out as {@link Notice} events inside the transaction.
 *
 * <p>Thread-safe. Two steps racing on one work: the second fails the version check (409/412).
 */
@Service
public class PermitService {
  private final LayerService layers;
  private final ConflictService conflicts;
  private final PermitRepository repository;
  private final ConsentCheck consent;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json;
  private final Audit audit;
  private final Clock clock = Clock.systemDefaultZone();

  PermitService(LayerService layers, ConflictService conflicts, PermitRepository repository,
      ConsentCheck consent, ApplicationEventPublisher events, ObjectMapper json, Audit audit) {
    this.audit = audit;
    this.layers = layers;
    this.conflicts = conflicts;
    this.repository = repository;
    this.consent = consent;
    this.events = events;
    this.json = json;
  }

  /** What a step did: the work as stored now, the step's record and what it was decided on. */
  public record Outcome(Feature work, Map<String, Object> step,
      ConflictService.CheckResult findings) {}

  /**
   * Takes {@code step} on work {@code id}.
   *
   * @param expectedVersion the version the actor saw (If-Match), or null to act on the current one
   */
  @Transactional
  public Outcome take(long id, Step step, String reason, Long expectedVersion) {
    JointWorksUser user = signedIn();
    Feature work = layers.get(Layer.WORKS, id);
    checkActor(user, step, work);
    String from = work.text("status");
    if (!step.from().contains(from)) {
      throw ApiException.of(HttpStatus.CONFLICT, "permits.wrong_status",
          "work " + id + " is " + from + "; '" + step.code() + "' needs it " + step.from(),
          Map.of("id", id, "status", from, "step", step.code(),
              "from", new TreeSet<>(step.from())));
    }
    if (expectedVersion != null && expectedVersion != work.version()) {
      throw ApiException.of(HttpStatus.PRECONDITION_FAILED, "precondition.failed",
          "work " + id + " changed since you read it (version " + work.version() + ", you saw "
              + expectedVersion + "); read it again before deciding", Map.of("id", id));
    }
    boolean authorityCancel = step == Step.CANCEL && user.role() == Role.ROAD_AUTHORITY;
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if ((step.reasonRequired() || authorityCancel) && why == null) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "permits.reason_required",
          "say why: '" + step.code() + "' needs a reason", Map.of("step", step.code()));
    }
    if (why != null && why.length() > 2000) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "permits.reason_too_long",
          "a reason has at most 2000 characters", Map.of("max", 2000));
    }
    Instant now = clock.instant();
    LocalDate today = LocalDate.now(clock);
    ConflictService.CheckResult findings = null;
    if (step == Step.SUBMIT || step == Step.APPROVE) {
      findings = conflicts.ofStored(work);
    }
    if (step == Step.APPROVE) {
      var open = OpenConflicts.of(id, findings.conflicts(), repository.resolutions(id),
          repository.collaborationsOf(id));
      if (!open.isEmpty()) {
        throw new ApiException(HttpStatus.CONFLICT, "permits.open_conflicts", "work " + id
            + " has " + open.size() + " conflict(s) not resolved on record; resolve each by a"
            + " collaboration, a reschedule or an override (a moratorium by an exception)",
            Map.of("id", id, "open", open.size()), open, Map.of());
      }
    }
    if (step == Step.START) {
      var blocking = consent.blocking(work, today);
      if (!blocking.isEmpty()) {
        throw new ApiException(HttpStatus.CONFLICT, "permits.consent_gate", "work " + id
            + " lies in a renovation community whose project has not passed its consent gate",
            Map.of("id", id, "projects", blocking.size()), blocking, Map.of());
      }
    }
    Map<String, Object> props = new HashMap<>(work.properties());
    props.put("status", step.to());
    Feature after = new Feature(work.id(), work.version(), work.geometry(), props);
    Feature stored = layers.replaceTrusted(Layer.WORKS, work, after, "permit." + step.code(),
        expectedVersion != null);
    String findingsJson = findings == null ? null : json.writeValueAsString(findings);
    repository.insertStep(id, step.code(), from, step.to(), now, today, user.getUsername(),
        user.organisation(), why, findingsJson);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("action", step.code());
    record.put("from", from);
    record.put("to", step.to());
    record.put("at", now.toString());
    record.put("onDate", today.toString());
    record.put("actor", user.getUsername());
    if (why != null) {
      record.put("reason", why);
    }
    announce(step, stored, user, why, findings);
    return new Outcome(stored, record, findings);
  }

  /**
   * Records the authority's decision that the conflict between two works may stand: an
   * {@code override} (same window) or an {@code exception} (moratorium), with a reason.
   */
  @Transactional
  public Resolution resolve(long workId, long otherWorkId, String kind, String reason) {
    JointWorksUser user = signedIn();
    if (user.role() != Role.ROAD_AUTHORITY) {
      throw authorityOnly("record an override or exception");
    }
    if (!Resolution.KINDS.contains(kind)) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "permits.resolution_kind",
          "kind must be 'override' (a same-window conflict) or 'exception' (a moratorium)",
          Map.of("kind", String.valueOf(kind)));
    }
    if (reason == null || reason.isBlank() || reason.length() > 2000) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "permits.reason_required",
          "say why, in at most 2000 characters", Map.of("step", kind));
    }
    if (workId == otherWorkId) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "permits.same_work",
          "a work does not conflict with itself", Map.of("id", workId));
    }
    Feature work = layers.get(Layer.WORKS, workId);
    Feature other = layers.get(Layer.WORKS, otherWorkId);
    Instant now = clock.instant();
    if (!repository.insertResolution(workId, otherWorkId, kind, reason.strip(),
        user.getUsername(), now)) {
      throw ApiException.of(HttpStatus.CONFLICT, "permits.resolution_exists",
          "an " + kind + " for works " + workId + " and " + otherWorkId + " is already recorded",
          Map.of("id", workId, "other", otherWorkId, "kind", kind));
    }
    Map<String, Object> after = Map.of("workId", workId, "otherWorkId", otherWorkId,
        "kind", kind, "reason", reason.strip());
    layersAudit("permit." + kind, workId, after);
    events.publishEvent(new Notice("permit." + kind, "works", workId,
        Set.of(work.text("owner"), other.text("owner")), false, user.getUsername(),
        "the authority recorded an " + kind + " for works " + workId + " and " + otherWorkId,
        Map.of("id", workId, "other", otherWorkId, "kind", kind)));
    return repository.resolutions(workId).stream()
        .filter(r -> r.otherWorkId() == otherWorkId && r.kind().equals(kind)).findFirst()
        .orElseThrow();
  }

  /** Approves work {@code id} as the authority, at the version the approver saw (a package). */
  @Transactional
  public Outcome approve(long id, String reason, long expectedVersion) {
    return take(id, Step.APPROVE, reason, expectedVersion);
  }

  /**
   * The conflicts of a stored work not resolved on record now: what {@link Step#APPROVE} would
   * refuse it for (empty: approvable as far as conflicts go). For the plan packages, which list
   * every work's problems before approving any.
   */
  @Transactional(readOnly = true)
  public List<?> openConflicts(Feature work) {
    long id = work.id();
    return OpenConflicts.of(id, conflicts.ofStored(work).conflicts(), repository.resolutions(id),
        repository.collaborationsOf(id));
  }

  /** The register of one work: status, steps, resolutions, collaborations, open conflicts now. */
  @Transactional(readOnly = true)
  public Map<String, Object> register(long id) {
    Feature work = layers.get(Layer.WORKS, id);
    ConflictService.CheckResult now = conflicts.ofStored(work);
    List<Resolution> resolutions = repository.resolutions(id);
    List<Collaboration> collaborations = repository.collaborationsOf(id);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("version", work.version());
    out.put("status", work.text("status"));
    out.put("owner", work.text("owner"));
    out.put("steps", repository.steps(id).stream().map(PermitService::stepView).toList());
    out.put("conflicts", now.conflicts());
    out.put("clearanceProblems", now.clearanceProblems());
    out.put("openConflicts", OpenConflicts.of(id, now.conflicts(), resolutions, collaborations));
    out.put("resolutions", resolutions);
    out.put("collaborations", collaborations);
    return out;
  }

  private static Map<String, Object> stepView(WorkStep s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("action", s.action());
    m.put("from", s.fromStatus());
    m.put("to", s.toStatus());
    m.put("at", s.at().toString());
    m.put("onDate", s.onDate().toString());
    m.put("actor", s.actor());
    m.put("organisation", s.organisation());
    m.put("reason", s.reason());
    return m;
  }

  private void layersAudit(String action, long workId, Map<String, Object> after) {
    audit.record(action, "works", workId, null, json.writeValueAsString(after));
  }

  private void announce(Step step, Feature work, JointWorksUser user, String reason,
      ConflictService.CheckResult findings) {
    long id = work.id();
    String owner = work.text("owner");
    Map<String, Object> args = new HashMap<>();
    args.put("id", id);
    args.put("step", step.code());
    args.put("status", step.to());
    if (reason != null) {
      args.put("reason", reason);
    }
    switch (step) {
      case SUBMIT -> {
        events.publishEvent(new Notice("permit.requested", "works", id, Set.of(owner), true,
            user.getUsername(), owner + " applies for work " + id, args));
        for (WorkConflict c : findings.conflicts()) {
          boolean moratorium = "moratorium".equals(c.kind());
          Map<String, Object> a = Map.of("id", id, "other", c.b().id(), "kind", c.kind(),
              "gapMeters", c.gapMeters());
          events.publishEvent(new Notice(moratorium ? "moratorium.hit" : "conflict.new",
              "works", c.b().id(), Set.of(c.b().owner(), owner), moratorium, user.getUsername(),
              "work " + id + " (" + owner + ") " + (moratorium
                  ? "would dig a street protected after work " : "conflicts with work ")
                  + c.b().id() + " (" + c.b().owner() + ")", a));
        }
      }
      case APPROVE, REFUSE -> events.publishEvent(new Notice("permit." + step.to(),
          "works", id, Set.of(owner), false, user.getUsername(),
          "the authority " + step.to() + " work " + id + (reason == null ? "" : ": " + reason),
          args));
      default -> events.publishEvent(new Notice("permit." + step.to(), "works", id,
          Set.of(owner), user.role() != Role.ROAD_AUTHORITY, user.getUsername(),
          "work " + id + " is " + step.to(), args));
    }
  }

  private static void checkActor(JointWorksUser user, Step step, Feature work) {
    boolean authority = user.role() == Role.ROAD_AUTHORITY;
    boolean promoter = user.role() == Role.ADMIN || (user.role() == Role.UTILITY
        && user.organisation() != null && user.organisation().equals(work.text("owner")));
    boolean allowed = switch (step.actor()) {
      case AUTHORITY -> authority;
      case PROMOTER -> promoter;
      case EITHER -> authority || promoter;
    };
    if (allowed) {
      return;
    }
    if (step.actor() == Step.Actor.AUTHORITY) {
      throw authorityOnly(step.code() + " a work");
    }
    throw ApiException.of(HttpStatus.FORBIDDEN, "permits.not_promoter",
        "only the promoter of work " + work.id() + " (" + work.text("owner") + ") may "
            + step.code() + " it", Map.of("id", work.id(), "owner", work.text("owner"),
            "step", step.code()));
  }

  private static ApiException authorityOnly(String what) {
    return ApiException.of(HttpStatus.FORBIDDEN, "permits.authority_only",
        "only the road-works authority may " + what, Map.of("what", what));
  }

  static JointWorksUser signedIn() {
    return JointWorksUser.current()
        .orElseThrow(() -> ApiException.of(HttpStatus.UNAUTHORIZED, "auth.required",
            "sign in to do this", Map.of()));
  }
}
