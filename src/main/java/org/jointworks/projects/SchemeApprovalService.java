package org.jointworks.projects;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jointworks.clock.BusinessClock;
import org.jointworks.system.ApiException;
import org.jointworks.system.Audit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The city office's scheme review (要对每个小区的改造方案进行严格把关): approves a drafted scheme,
 * on the server's day, as its own record ({@link SchemeApproval}). Refused while a priority item
 * found in the survey is left out of the content without a reason ({@link PriorityContent}, 应改尽改).
 * A start needs an approval that covers the scheme as it stands ({@link #approvedOn}). Each
 * approval is audited in its transaction. Thread-safe.
 */
@Service
public class SchemeApprovalService {
  private final SchemeApprovalRepository repository;
  private final ProjectRepository projects;
  private final BusinessClock clock;
  private final Audit audit;
  private final ObjectMapper json;

  SchemeApprovalService(SchemeApprovalRepository repository, ProjectRepository projects,
      BusinessClock clock, Audit audit, ObjectMapper json) {
    this.repository = repository;
    this.projects = projects;
    this.clock = clock;
    this.audit = audit;
    this.json = json;
  }

  /** What the city office sends: its document reference, a note, the version it reviewed. */
  public record ApprovalInput(String reference, String note, Long version) {
    public ApprovalInput {
      if (reference != null && reference.length() > 200 || note != null && note.length() > 1000) {
        throw ApiException.unprocessable("the approval is not valid",
            List.of("reference: up to 200 characters; note: up to 1000"));
      }
    }
  }

  @Transactional(readOnly = true)
  public List<SchemeApproval> ofProject(long projectId) {
    projects.find(projectId).orElseThrow(() -> ApiException.notFound("project " + projectId));
    return repository.ofProject(projectId);
  }

  /** Approves the project's scheme as it stands, today by the server's clock. */
  @Transactional
  public SchemeApproval approve(long projectId, ApprovalInput in) {
    Project p = projects.find(projectId)
        .orElseThrow(() -> ApiException.notFound("project " + projectId));
    if (in.reference() == null || in.reference().isBlank()) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "scheme.approval_reference",
          "name the approval's document reference (reference)", Map.of("project", projectId));
    }
    if (in.version() == null || in.version() != p.version()) {
      throw ProjectService.stale(projectId, false);
    }
    if (!p.inPlan()) {
      throw ApiException.of(HttpStatus.CONFLICT, "project.withdrawn", "project " + projectId
          + " was withdrawn from the plan by an adjustment", Map.of("project", projectId));
    }
    if (p.status() != ProjectStatus.SCHEME_DRAFTED
        && p.status() != ProjectStatus.CONSENT_COLLECTED) {
      throw ApiException.of(HttpStatus.CONFLICT, "scheme.not_awaiting_approval", "project "
          + projectId + " is " + p.status().code() + "; a scheme is approved once drafted and"
          + " before the start (a started project's scheme changes by PUT with"
          + " schemeApprovalRef)", Map.of("project", projectId, "status", p.status().code()));
    }
    List<Project.Finding> leftOut = PriorityContent.leftOut(p);
    if (!leftOut.isEmpty()) {
      List<String> codes = leftOut.stream().map(Project.Finding::code).distinct().toList();
      throw new ApiException(HttpStatus.CONFLICT, "scheme.priority_left_out", "project "
          + projectId + ": the survey found " + String.join(", ", codes) + " (priority content,"
          + " 应改尽改) but the scheme leaves it out; add it to the content or record why"
          + " (notInSchemeReason of the finding)", Map.of("project", projectId, "items",
              String.join(", ", codes)), null, Map.of("leftOut", leftOut));
    }
    return record(p, "scheme", in.reference(), in.note());
  }

  /** Records the city office's approval of a material change of a started scheme (the PUT). */
  SchemeApproval recordChange(Project after, String reference, String note) {
    return record(after, "change", reference, note);
  }

  private SchemeApproval record(Project p, String kind, String reference, String note) {
    SchemeApproval a = new SchemeApproval(0, p.id(), p.version(), kind, SchemeApproval.codes(p),
        p.budgetYuan(), PriorityContent.omissions(p), reference, note, Audit.currentActor(),
        clock.today(), clock.now());
    long id = repository.insert(a);
    SchemeApproval stored = repository.ofProject(p.id()).stream().filter(x -> x.id() == id)
        .findFirst().orElseThrow();
    audit.record("scheme_approval", "projects", p.id(), null, json.writeValueAsString(stored));
    return stored;
  }

  /** The day of the last approval that covers {@code p}'s scheme as it stands, by {@code day}. */
  Optional<LocalDate> approvedOn(Project p, LocalDate day) {
    List<SchemeApproval> all = repository.ofProject(p.id());
    for (int i = all.size() - 1; i >= 0; i--) {
      SchemeApproval a = all.get(i);
      if (!a.approvedOn().isAfter(day)) {
        return a.covers(p) ? Optional.of(a.approvedOn()) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Whether any approval of the project was given by {@code day} (to word the refusal). */
  boolean everApproved(long projectId, LocalDate day) {
    return repository.ofProject(projectId).stream().anyMatch(a -> !a.approvedOn().isAfter(day));
  }
}
