package org.jointworks.inspections;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jointworks.clock.BusinessClock;
import org.jointworks.clock.LateRecording;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.projects.AcceptanceEvidence;
import org.jointworks.projects.CountyScope;
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
 * Records inspections and their rectification, audited, with optimistic locking on
 * rectification; answers the quality gates of the project workflow. Dates are the server's (an
 * ADMIN records late with a reason); a record of a project needs the project in the matching
 * state (spot checks and patrols under construction, acceptance once completed and with every
 * finding closed, hand-over once accepted, warranty visits after acceptance). Thread-safe.
 */
@Service
public class InspectionService implements AcceptanceEvidence {
  private final InspectionRepository repository;
  private final ProjectRepository projects;
  private final FeatureRepository features;
  private final Audit audit;
  private final ObjectMapper json;
  private final BusinessClock clock;

  InspectionService(InspectionRepository repository, ProjectRepository projects,
      FeatureRepository features, Audit audit, ObjectMapper json, BusinessClock clock) {
    this.clock = clock;
    this.repository = repository;
    this.projects = projects;
    this.features = features;
    this.audit = audit;
    this.json = json;
  }

  /** What a client writes to record an inspection. */
  public record InspectionInput(String district, Long projectId, String kind,
      LocalDate inspectedOn, String inspector, String description, Integer findingCount,
      String outcome, LocalDate rectificationDue, LocalDate rectifiedOn,
      String rectificationNote, String lateReason) {
    public InspectionInput(String district, Long projectId, String kind, LocalDate inspectedOn,
        String inspector, String description, Integer findingCount, String outcome,
        LocalDate rectificationDue, LocalDate rectifiedOn, String rectificationNote) {
      this(district, projectId, kind, inspectedOn, inspector, description, findingCount, outcome,
          rectificationDue, rectifiedOn, rectificationNote, null);
    }
  }

  @Transactional(readOnly = true)
  public List<Inspection> all() {
    return repository.findAll();
  }

  @Transactional(readOnly = true)
  public Inspection get(long id) {
    return repository.find(id).orElseThrow(() -> ApiException.notFound("inspection " + id));
  }

  @Override
  @Transactional(readOnly = true)
  public boolean passedAcceptance(long projectId, LocalDate byDay) {
    return repository.passedAcceptance(projectId, byDay);
  }

  @Override
  @Transactional(readOnly = true)
  public int openFindings(long projectId, LocalDate day) {
    return repository.openFindings(projectId, day);
  }

  @Override
  @Transactional(readOnly = true)
  public boolean handOverRecorded(long projectId, LocalDate byDay) {
    return repository.handOverRecorded(projectId, byDay);
  }

  @Transactional
  public Inspection record(InspectionInput in) {
    List<String> problems = new ArrayList<>();
    var kind = Inspection.Kind.byCode(in.kind());
    if (kind.isEmpty()) {
      problems.add("kind: one of spot_check, patrol, acceptance, warranty_visit, complaint,"
          + " self_assessment");
    }
    String district = in.district();
    Project p = null;
    if (in.projectId() != null) {
      p = projects.find(in.projectId()).orElse(null);
      if (p == null) {
        problems.add("projectId: there is no project " + in.projectId());
      } else if (district != null && !district.equals(p.district())) {
        problems.add("district: project " + p.id() + " is in " + p.district());
      } else {
        district = p.district();
      }
    } else if (kind.map(k -> k == Inspection.Kind.ACCEPTANCE || k == Inspection.Kind.WARRANTY_VISIT
        || k == Inspection.Kind.HAND_OVER).orElse(false)) {
      problems.add("projectId: an " + in.kind() + " is of one project");
    }
    if (district == null || !features.districtCodes().contains(district)) {
      problems.add("district: a district code of the districts layer");
    }
    LateRecording when = LateRecording.of(clock, "inspectedOn", in.inspectedOn(),
        in.lateReason());
    LocalDate day = when.effectiveOn();
    LocalDate today = clock.today();
    text(problems, "inspector", in.inspector(), 200, true);
    text(problems, "description", in.description(), 2000, false);
    text(problems, "rectificationNote", in.rectificationNote(), 1000, false);
    int findings = in.findingCount() == null ? 0 : in.findingCount();
    if (findings < 0) {
      problems.add("findingCount: 0 or more");
    }
    if (kind.orElse(null) == Inspection.Kind.COMPLAINT && findings < 1) {
      problems.add("findingCount: a complaint is at least one finding");
    }
    if (findings > 0 && in.rectificationDue() == null) {
      problems.add("rectificationDue: findings need a day by which they are rectified");
    }
    if (kind.orElse(null) == Inspection.Kind.ACCEPTANCE
        ? !"passed".equals(in.outcome()) && !"failed".equals(in.outcome())
        : in.outcome() != null) {
      problems.add("outcome: passed or failed for an acceptance, absent otherwise");
    }
    if (in.rectifiedOn() != null && (findings == 0 || in.rectifiedOn().isAfter(today)
        || in.rectifiedOn().isBefore(day) || !when.late() && !in.rectifiedOn().equals(day))) {
      problems.add("rectifiedOn: only with findings, closed on the spot (the inspection's day);"
          + " later closings go through PUT /api/inspections/{id}/rectification");
    }
    if (!problems.isEmpty()) {
      throw ApiException.unprocessable("the inspection record is not valid", problems);
    }
    CountyScope.check(district);
    if (p != null) {
      matchingState(kind.get(), p, day, in.outcome());
    }
    Inspection x = new Inspection(0, 1, district, in.projectId(), kind.get(), day,
        in.inspector(), in.description(), findings, in.outcome(), in.rectificationDue(),
        in.rectifiedOn(), in.rectificationNote(), clock.now(), Audit.currentActor());
    long id = repository.insert(x);
    Inspection stored = get(id);
    audit.record(when.late() ? "create_late" : "create", "inspections", id, null,
        json.writeValueAsString(stored));
    return stored;
  }

  /**
   * Closes an inspection's findings today by the server's clock (an ADMIN may record an earlier
   * day with a reason), if it is still at {@code expectedVersion}.
   */
  @Transactional
  public Inspection rectify(long id, long expectedVersion, boolean fromHeader, LocalDate on,
      String note, String lateReason) {
    Inspection before = get(id);
    CountyScope.check(before.district());
    if (before.findingCount() == 0) {
      throw ApiException.of(HttpStatus.CONFLICT, "inspection.nothing_to_rectify",
          "inspection " + id + " found nothing to rectify", Map.of("inspection", id));
    }
    on = LateRecording.of(clock, "rectifiedOn", on, lateReason).effectiveOn();
    if (on.isBefore(before.inspectedOn())) {
      throw ApiException.unprocessable("the rectification is not valid", List.of(
          "rectifiedOn: between the inspection (" + before.inspectedOn() + ") and today"));
    }
    if (note == null || note.isBlank() || note.length() > 1000) {
      throw ApiException.unprocessable("the rectification is not valid",
          List.of("note: what was done, up to 1000 characters"));
    }
    if (before.version() != expectedVersion
        || !repository.rectify(id, expectedVersion, on, note)) {
      throw new ApiException(fromHeader ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT,
          "inspection " + id + " was changed by someone else since you read it");
    }
    Inspection stored = get(id);
    audit.record("rectify", "inspections", id, json.writeValueAsString(before),
        json.writeValueAsString(stored));
    return stored;
  }

  /** Quality records only for a project in the matching state (issue 12). */
  private void matchingState(Inspection.Kind kind, Project p, LocalDate day, String outcome) {
    ProjectStatus s = p.statusOn(day);
    boolean ok = switch (kind) {
      case SPOT_CHECK, PATROL -> s == ProjectStatus.STARTED || s == ProjectStatus.COMPLETED;
      case ACCEPTANCE -> s == ProjectStatus.COMPLETED;
      case HAND_OVER -> s == ProjectStatus.ACCEPTED;
      case WARRANTY_VISIT -> s.reached(ProjectStatus.ACCEPTED);
      case COMPLAINT -> true;
      case SELF_ASSESSMENT -> false;
    };
    if (!ok) {
      throw ApiException.of(HttpStatus.CONFLICT, "quality.wrong_state", "a " + kind.code()
          + " is not recorded for project " + p.id() + ", which is " + s.code() + " on " + day,
          Map.of("project", p.id(), "kind", kind.code(), "status", s.code()));
    }
    if (kind == Inspection.Kind.ACCEPTANCE && "passed".equals(outcome)) {
      int open = repository.openFindings(p.id(), day);
      if (open > 0) {
        throw ApiException.of(HttpStatus.CONFLICT, "quality.open_findings", "project " + p.id()
            + " has " + open + " inspection finding(s) still open; acceptance passes only with"
            + " every finding closed", Map.of("project", p.id(), "open", open));
      }
    }
  }

  private static void text(List<String> problems, String field, String v, int max,
      boolean required) {
    if (required && (v == null || v.isBlank())) {
      problems.add(field + ": required");
    } else if (v != null && v.length() > max) {
      problems.add(field + ": up to " + max + " characters");
    }
  }
}
