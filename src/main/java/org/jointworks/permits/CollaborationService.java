package org.jointworks.permits;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
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
 * Collaborations (shared trenches): one of the two works' utilities proposes (its acceptance is
 * the proposal), the other accepts or declines. Works still to dig collaborate
 * ({@link #COLLABORATING}); the agreement resolves the pair's same-window conflict at approval.
 * Each write is one audited transaction with optimistic locking on the row's version.
 * Thread-safe.
 */
@Service
class CollaborationService {
  private final PermitRepository repository;
  private final LayerService layers;
  private final Audit audit;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json;
  private final Clock clock = Clock.systemDefaultZone();
  /**
   * The works that may share a trench: applications and granted or running works (a later work
   * joins the primary promoter's open trench); not finished, withdrawn or cancelled ones.
   */
  static final Set<String> COLLABORATING =
      Set.of("draft", "submitted", "refused", "approved", "in_progress");

  CollaborationService(PermitRepository repository, LayerService layers, Audit audit,
      ApplicationEventPublisher events, ObjectMapper json) {
    this.repository = repository;
    this.layers = layers;
    this.audit = audit;
    this.events = events;
    this.json = json;
  }

  /**
   * A proposal as the client sends it; {@link #check} holds every rule of the body (not the
   * compact constructor: the JSON reader would wrap its refusal into a generic 400).
   */
  record Proposal(Long primaryWorkId, Long secondaryWorkId, LocalDate startDate,
      LocalDate endDate, String note) {
    void check() {
      if (primaryWorkId == null || secondaryWorkId == null || startDate == null
          || endDate == null) {
        throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "collaborations.incomplete",
            "name primaryWorkId, secondaryWorkId, startDate and endDate", Map.of());
      }
      if (primaryWorkId.equals(secondaryWorkId)) {
        throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "collaborations.same_work",
            "a collaboration joins two different works", Map.of("id", primaryWorkId));
      }
      if (endDate.isBefore(startDate)) {
        throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "collaborations.dates",
            "endDate is before startDate", Map.of("start", startDate, "end", endDate));
      }
      if (note != null && note.length() > 2000) {
        throw ApiException.of(HttpStatus.BAD_REQUEST, "collaborations.note_too_long",
            "a note has at most 2000 characters", Map.of("max", 2000));
      }
    }
  }

  @Transactional
  Collaboration propose(Proposal p) {
    p.check();
    JointWorksUser user = PermitService.signedIn();
    Feature primary = open(p.primaryWorkId());
    Feature secondary = open(p.secondaryWorkId());
    String po = primary.text("owner");
    String so = secondary.text("owner");
    String mine = user.role() == Role.UTILITY ? user.organisation() : null;
    if (mine == null || (!mine.equals(po) && !mine.equals(so))) {
      throw ApiException.of(HttpStatus.FORBIDDEN, "collaborations.not_a_party",
          "only the utility of one of the two works may propose their collaboration",
          Map.of("primaryOwner", po, "secondaryOwner", so));
    }
    Instant now = clock.instant();
    boolean asPrimary = mine.equals(po);
    boolean asSecondary = mine.equals(so);
    Collaboration c = new Collaboration(0, 1, primary.id(), secondary.id(), po, so,
        p.startDate(), p.endDate(),
        asPrimary && asSecondary ? Collaboration.ACCEPTED : Collaboration.PROPOSED,
        p.note(), user.getUsername(), now, asPrimary ? user.getUsername() : null,
        asPrimary ? now : null, asSecondary ? user.getUsername() : null,
        asSecondary ? now : null);
    long id = repository.insertCollaboration(c);
    Collaboration stored = repository.collaboration(id).orElseThrow();
    audit.record("create", "collaborations", id, null, json.writeValueAsString(stored));
    String other = asPrimary ? so : po;
    events.publishEvent(new Notice("collaboration.proposed", "collaborations", id,
        Set.of(other), false, user.getUsername(), mine + " proposes a shared trench of works "
            + primary.id() + " (primary) and " + secondary.id() + " (secondary) from "
            + p.startDate() + " to " + p.endDate(),
        Map.of("id", id, "primary", primary.id(), "secondary", secondary.id())));
    return stored;
  }

  /** The other party accepts ({@code accept}) or declines the proposal. */
  @Transactional
  Collaboration answer(long id, boolean accept, Long expectedVersion) {
    JointWorksUser user = PermitService.signedIn();
    Collaboration c = repository.collaboration(id)
        .orElseThrow(() -> ApiException.notFound("collaboration " + id));
    if (!Collaboration.PROPOSED.equals(c.status())) {
      throw ApiException.of(HttpStatus.CONFLICT, "collaborations.answered",
          "collaboration " + id + " is " + c.status() + " already",
          Map.of("id", id, "status", c.status()));
    }
    if (expectedVersion != null && expectedVersion != c.version()) {
      throw ApiException.of(HttpStatus.PRECONDITION_FAILED, "precondition.failed",
          "collaboration " + id + " changed since you read it", Map.of("id", id));
    }
    String mine = user.role() == Role.UTILITY ? user.organisation() : null;
    boolean primarySide = c.primaryAcceptedBy() == null && c.primaryOwner().equals(mine);
    boolean secondarySide = c.secondaryAcceptedBy() == null && c.secondaryOwner().equals(mine);
    if (!primarySide && !secondarySide) {
      throw ApiException.of(HttpStatus.FORBIDDEN, "collaborations.not_the_other_party",
          "only the utility that did not propose collaboration " + id + " answers it",
          Map.of("id", id));
    }
    open(c.primaryWork());
    open(c.secondaryWork());
    String status = accept ? Collaboration.ACCEPTED : Collaboration.DECLINED;
    if (!repository.answer(c, status, primarySide, user.getUsername(), clock.instant())) {
      throw ApiException.of(HttpStatus.CONFLICT, "conflict",
          "collaboration " + id + " was answered by someone else meanwhile", Map.of("id", id));
    }
    Collaboration after = repository.collaboration(id).orElseThrow();
    audit.record(accept ? "accept" : "decline", "collaborations", id,
        json.writeValueAsString(c), json.writeValueAsString(after));
    events.publishEvent(new Notice("collaboration." + status, "collaborations", id,
        Set.of(primarySide ? c.secondaryOwner() : c.primaryOwner()), false, user.getUsername(),
        mine + " " + status + " the shared trench of works " + c.primaryWork() + " and "
            + c.secondaryWork(), Map.of("id", id)));
    return after;
  }

  @Transactional(readOnly = true)
  Collaboration get(long id) {
    return repository.collaboration(id)
        .orElseThrow(() -> ApiException.notFound("collaboration " + id));
  }

  private Feature open(long workId) {
    Feature w = layers.get(Layer.WORKS, workId);
    if (!COLLABORATING.contains(w.text("status"))) {
      throw ApiException.of(HttpStatus.CONFLICT, "collaborations.work_closed",
          "work " + workId + " is " + w.text("status") + "; only works still to dig collaborate",
          Map.of("id", workId, "status", w.text("status")));
    }
    return w;
  }
}
