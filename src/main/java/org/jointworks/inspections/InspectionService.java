package org.jointworks.inspections;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.projects.AcceptanceEvidence;
import org.jointworks.projects.Project;
import org.jointworks.projects.ProjectRepository;
import org.jointworks.system.ApiException;
import org.jointworks.system.Audit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Records inspections and their rectification, audited, with optimistic locking on
 * rectification; answers the acceptance gate of the project workflow. Thread-safe.
 */
@Service
public class InspectionService implements AcceptanceEvidence {
  private final InspectionRepository repository;
  private final ProjectRepository projects;
  private final FeatureRepository features;
  private final Audit audit;
  private final ObjectMapper json;
  private final Clock clock = Clock.systemDefaultZone();

  InspectionService(InspectionRepository repository, ProjectRepository projects,
      FeatureRepository features, Audit audit, ObjectMapper json) {
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
      String rectificationNote) {}

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

  @Transactional
  public Inspection record(InspectionInput in) {
    List<String> problems = new ArrayList<>();
    var kind = Inspection.Kind.byCode(in.kind());
    if (kind.isEmpty()) {
      problems.add("kind: one of spot_check, patrol, acceptance, warranty_visit, complaint,"
          + " self_assessment");
    }
    String district = in.district();
    if (in.projectId() != null) {
      Project p = projects.find(in.projectId()).orElse(null);
      if (p == null) {
        problems.add("projectId: there is no project " + in.projectId());
      } else if (district != null && !district.equals(p.district())) {
        problems.add("district: project " + p.id() + " is in " + p.district());
      } else {
        district = p.district();
      }
    } else if (kind.map(k -> k == Inspection.Kind.ACCEPTANCE || k == Inspection.Kind.WARRANTY_VISIT)
        .orElse(false)) {
      problems.add("projectId: an " + in.kind() + " is of one project");
    }
    if (district == null || !features.districtCodes().contains(district)) {
      problems.add("district: a district code of the districts layer");
    }
    LocalDate today = LocalDate.now(clock);
    if (in.inspectedOn() == null || in.inspectedOn().isAfter(today)) {
      problems.add("inspectedOn: the day of the inspection, not in the future");
    }
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
    if (in.rectifiedOn() != null && (findings == 0 || in.rectifiedOn().isAfter(today))) {
      problems.add("rectifiedOn: only with findings, not in the future");
    }
    if (!problems.isEmpty()) {
      throw ApiException.unprocessable("the inspection record is not valid", problems);
    }
    Inspection x = new Inspection(0, 1, district, in.projectId(), kind.get(), in.inspectedOn(),
        in.inspector(), in.description(), findings, in.outcome(), in.rectificationDue(),
        in.rectifiedOn(), in.rectificationNote(), Instant.now(clock), Audit.currentActor());
    long id = repository.insert(x);
    Inspection stored = get(id);
    audit.record("create", "inspections", id, null, json.writeValueAsString(stored));
    return stored;
  }

  /** Closes an inspection's findings on {@code on}, if it is still at {@code expectedVersion}. */
  @Transactional
  public Inspection rectify(long id, long expectedVersion, boolean fromHeader, LocalDate on,
      String note) {
    Inspection before = get(id);
    if (before.findingCount() == 0) {
      throw ApiException.conflict("inspection " + id + " found nothing to rectify");
    }
    if (on == null || on.isAfter(LocalDate.now(clock)) || on.isBefore(before.inspectedOn())) {
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

  private static void text(List<String> problems, String field, String v, int max,
      boolean required) {
    if (required && (v == null || v.isBlank())) {
      problems.add(field + ": required");
    } else if (v != null && v.length() > max) {
      problems.add(field + ": up to " + max + " characters");
    }
  }
}
