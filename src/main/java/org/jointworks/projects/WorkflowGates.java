package org.jointworks.projects;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jointworks.system.ApiException;
import org.springframework.http.HttpStatus;

/**
 * The gates of the workflow's steps, each a rule of the plan: survey first (a scheme needs survey
 * findings), consent counted for both questions, 经80%以上居民同意后方可开工 before a start, the city
 * office's approval of the scheme as it stands and (when the city has the rule on) funds in place
 * before a start, a passed
 * acceptance with every finding closed, a hand-over record. Stateless apart from its collaborators.
 */
final class WorkflowGates {
  private final double threshold;
  private final AcceptanceEvidence quality;
  private final SchemeApprovalService approvals;
  private final FundsService funds;

  WorkflowGates(double threshold, AcceptanceEvidence quality, SchemeApprovalService approvals,
      FundsService funds) {
    this.threshold = threshold;
    this.quality = quality;
    this.approvals = approvals;
    this.funds = funds;
  }

  void check(Project p, ProjectStatus target, LocalDate day) {
    switch (target) {
      case SCHEME_DRAFTED -> {
        if (p.surveyFindings().isEmpty()) {
          throw ApiException.of(HttpStatus.CONFLICT, "scheme.no_survey", "project " + p.id()
              + " has no survey findings; survey the community first (摸底排查) and record them"
              + " (PUT /api/projects/" + p.id() + ")", Map.of("project", p.id()));
        }
      }
      case CONSENT_COLLECTED -> {
        for (ConsentQuestion q : ConsentQuestion.values()) {
          if (p.latestConsent(q, day).isEmpty()) {
            throw ApiException.of(HttpStatus.CONFLICT, "consent.missing", "record the consent"
                + " count of '" + q.code() + "' first (POST /api/projects/" + p.id()
                + "/consent)", Map.of("project", p.id(), "question", q.code()));
          }
        }
      }
      case STARTED -> {
        started(p, day);
        approved(p, day);
        funds.checkStart(p, day);
      }
      case ACCEPTED -> {
        if (!quality.passedAcceptance(p.id(), day)) {
          throw ApiException.of(HttpStatus.CONFLICT, "quality.no_acceptance", "project " + p.id()
              + " has no passed acceptance inspection by " + day
              + " (POST /api/inspections with kind acceptance)", Map.of("project", p.id()));
        }
        int open = quality.openFindings(p.id(), day);
        if (open > 0) {
          throw ApiException.of(HttpStatus.CONFLICT, "quality.open_findings", "project " + p.id()
              + " has " + open + " inspection finding(s) still open; close them first",
              Map.of("project", p.id(), "open", open));
        }
      }
      case HANDED_OVER -> {
        if (!quality.handOverRecorded(p.id(), day)) {
          throw ApiException.of(HttpStatus.CONFLICT, "quality.no_hand_over", "project " + p.id()
              + " has no hand-over record (POST /api/inspections with kind hand_over)",
              Map.of("project", p.id()));
        }
      }
      default -> { }
    }
  }

  /** A start needs the city office's approval of the scheme as it stands (严格把关). */
  private void approved(Project p, LocalDate day) {
    if (approvals.approvedOn(p, day).isPresent()) {
      return;
    }
    boolean before = approvals.everApproved(p.id(), day);
    throw ApiException.of(HttpStatus.CONFLICT, before ? "scheme.changed_since_approval"
        : "scheme.not_approved", "project " + p.id() + " may not start: " + (before
            ? "its scheme (content or budget) changed since the city office approved it"
            : "the city office has not approved its scheme") + " (POST /api/projects/" + p.id()
        + "/scheme-approvals by the city office)", Map.of("project", p.id()));
  }

  private void started(Project p, LocalDate day) {
    var figures = ConsentGate.figures(p, threshold, day);
    if (figures.stream().allMatch(ConsentGate.Figure::met)) {
      return;
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("thresholdPercent", threshold * 100);
    extra.put("consent", figures);
    StringBuilder why = new StringBuilder("project " + p.id() + " may not start: ");
    for (var f : figures) {
      why.append(String.format(Locale.ROOT, "%s %d of %d households (%.2f%%)%s; ",
          f.question(), f.householdsConsenting(), f.households(), f.percent(),
          f.met() ? "" : " below " + f.requiredPercent() + "%"));
    }
    why.append("both need at least ").append(threshold * 100)
        .append("% of households (经80%以上居民同意后方可开工)");
    if (p.schemeChangedOn() != null) {
      why.append("; counts collected before the scheme changed on ").append(p.schemeChangedOn())
          .append(" no longer count");
    }
    throw new ApiException(HttpStatus.CONFLICT, "consent.below_threshold", why.toString(),
        Map.of("project", p.id()), null, extra);
  }
}
