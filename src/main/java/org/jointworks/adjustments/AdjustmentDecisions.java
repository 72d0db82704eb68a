package org.jointworks.adjustments;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jointworks.clock.BusinessClock;
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

  AdjustmentDecisions(AdjustmentService adjustments, AdjustmentRepository repository,
      BusinessClock clock, Audit audit, ObjectMapper json, ApplicationEventPublisher events) {
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
    var applied = adjustments.applyChanges(input, e);
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
        Map.of("id", after.id(), "district", after.district()), Set.of(after.district())));
    return after;
  }

  private static ApiException moved(Adjustment a, String why) {
    return ApiException.of(HttpStatus.CONFLICT, "adjustment.baseline_moved", why
        + "; adjustment " + a.id() + " stays filed: refuse it and file again",
        Map.of("id", a.id(), "district", a.district()));
  }
}
