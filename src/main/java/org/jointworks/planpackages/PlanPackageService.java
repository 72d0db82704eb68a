package org.jointworks.planpackages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jointworks.clock.BusinessClock;
import org.jointworks.coordination.ConstructionPlanService;
import org.jointworks.coordination.engine.ConstructionPlan;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Layer;
import org.jointworks.layers.LayerService;
import org.jointworks.linkage.LinkedAreaOutlines;
import org.jointworks.notifications.Notice;
import org.jointworks.permits.PermitService;
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
 * Submits a coordinated construction plan as a version and decides it as one package.
 *
 * <p>Approval, in one transaction: (1) claim the version (submitted → approved; a concurrent
 * decision finds it decided and answers 409); (2) check every work of the snapshot against the
 * store as it is now: still at the snapshot's version, and for each submitted one no open
 * conflict ({@link PermitService#openConflicts}); (3) if any fails, refuse with the whole list
 * and roll everything back (nothing half-approved); (4) else approve each submitted work through
 * {@link PermitService#approve} at its snapshot version (the permits' own rules, audit, step
 * record and notice). Works approved or in progress when submitted are part of the plan and are
 * only checked unchanged.
 *
 * <p>Thread-safe; the guarantee rests on the row lock of the claim and on each work's version.
 */
@Service
class PlanPackageService {
  private final PlanVersionRepository repository;
  private final ConstructionPlanService plans;
  private final LinkedAreaOutlines areas;
  private final LayerService layers;
  private final PermitService permits;
  private final ApplicationEventPublisher events;
  private final Audit audit;
  private final ObjectMapper json;
  private final BusinessClock clock;

  PlanPackageService(PlanVersionRepository repository, ConstructionPlanService plans,
      LinkedAreaOutlines areas, LayerService layers, PermitService permits,
      ApplicationEventPublisher events, Audit audit, ObjectMapper json, BusinessClock clock) {
    this.repository = repository;
    this.plans = plans;
    this.areas = areas;
    this.layers = layers;
    this.permits = permits;
    this.events = events;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  /** Computes the scope's plan now, stores it as the next version, submitted; tells the authority. */
  @Transactional
  PlanVersion submit(PlanPackageRequests.NewVersion in) {
    JointWorksUser user = signedIn();
    ConstructionPlan plan = in.scope().equals("county") ? plans.planOfCounty(in.ref())
        : plans.plan(areas.outline(Long.parseLong(in.ref())));
    Set<Long> ids = new TreeSet<>();
    plan.excavations().forEach(e -> ids.addAll(e.workIds()));
    if (ids.isEmpty()) {
      throw ApiException.of(HttpStatus.CONFLICT, "plan_versions.empty",
          "the plan of " + in.scope() + " " + in.ref() + " holds no works to approve",
          Map.of("scope", in.scope(), "ref", in.ref()));
    }
    List<PlanVersion.PlannedWork> works = new ArrayList<>();
    for (long id : ids) {
      Feature w = layers.get(Layer.WORKS, id);
      works.add(new PlanVersion.PlannedWork(id, w.version(), w.text("utility"), w.text("owner"),
          w.text("status"), date(w.text("start_date")), date(w.text("end_date"))));
    }
    long id = repository.insert(in.scope(), in.ref(), works, plan, in.note(),
        user.getUsername(), clock.now());
    PlanVersion stored = get(id);
    audit.record("plan.submit", "plan_versions", id, null, json.writeValueAsString(summary(stored)));
    events.publishEvent(new Notice("plan.requested", "plan_versions", id, owners(stored), true,
        user.getUsername(), "the construction plan of " + in.scope() + " " + in.ref()
            + " (version " + stored.versionNo() + ", " + works.size() + " works) awaits approval",
        args(stored, null)));
    return stored;
  }

  @Transactional
  PlanVersion approve(long id, String reason) {
    JointWorksUser user = authority("approve a construction plan");
    PlanVersion v = get(id);
    claim(v, "approved", user, reason);
    List<Map<String, Object>> problems = new ArrayList<>();
    List<Feature> toApprove = new ArrayList<>();
    for (PlanVersion.PlannedWork pw : v.works()) {
      Feature now;
      try {
        now = layers.get(Layer.WORKS, pw.id());
      } catch (ApiException gone) {
        problems.add(problem(pw, "plan_versions.work_gone", Map.of()));
        continue;
      }
      if (now.version() != pw.version()) {
        problems.add(problem(pw, "plan_versions.work_changed",
            Map.of("version", now.version(), "status", String.valueOf(now.text("status")))));
        continue;
      }
      if ("submitted".equals(pw.status())) {
        List<?> open = permits.openConflicts(now);
        if (!open.isEmpty()) {
          problems.add(problem(pw, "permits.open_conflicts", Map.of("open", open)));
        } else {
          toApprove.add(now);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ApiException(HttpStatus.CONFLICT, "plan_versions.not_approvable",
          "the package is refused: " + problems.size() + " of its " + v.works().size()
              + " works cannot be approved as submitted; nothing was approved",
          Map.of("id", id, "problems", problems.size()), problems, Map.of());
    }
    for (Feature w : toApprove) {
      permits.approve(w.id(), "approved with construction plan version " + v.versionNo()
          + " of " + v.scope() + " " + v.ref() + (reason == null ? "" : ": " + reason),
          w.version());
    }
    PlanVersion decided = get(id);
    audit.record("plan.approve", "plan_versions", id, json.writeValueAsString(summary(v)),
        json.writeValueAsString(summary(decided)));
    events.publishEvent(new Notice("plan.approved", "plan_versions", id, owners(v), false,
        user.getUsername(), "the authority approved the construction plan of " + v.scope() + " "
            + v.ref() + " (version " + v.versionNo() + ") and its " + toApprove.size()
            + " submitted works", args(v, reason)));
    return decided;
  }

  @Transactional
  PlanVersion refuse(long id, String reason) {
    JointWorksUser user = authority("refuse a construction plan");
    if (reason == null) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "permits.reason_required",
          "say why: 'refuse' needs a reason", Map.of("step", "refuse"));
    }
    PlanVersion v = get(id);
    claim(v, "refused", user, reason);
    PlanVersion decided = get(id);
    audit.record("plan.refuse", "plan_versions", id, json.writeValueAsString(summary(v)),
        json.writeValueAsString(summary(decided)));
    events.publishEvent(new Notice("plan.refused", "plan_versions", id, owners(v), false,
        user.getUsername(), "the authority refused the construction plan of " + v.scope() + " "
            + v.ref() + " (version " + v.versionNo() + "): " + reason, args(v, reason)));
    return decided;
  }

  @Transactional(readOnly = true)
  PlanVersion get(long id) {
    return repository.get(id).orElseThrow(() -> ApiException.notFound("plan version " + id));
  }

  @Transactional(readOnly = true)
  List<PlanVersion> list(String scope, String ref) {
    return repository.list(scope, ref);
  }

  private void claim(PlanVersion v, String status, JointWorksUser user, String reason) {
    if (!v.status().equals("submitted")
        || !repository.decide(v.id(), status, user.getUsername(), clock.now(), reason)) {
      String now = repository.get(v.id()).map(PlanVersion::status).orElse(v.status());
      throw ApiException.of(HttpStatus.CONFLICT, "plan_versions.decided",
          "plan version " + v.id() + " is already " + now, Map.of("id", v.id(), "status", now));
    }
  }

  private static Map<String, Object> problem(PlanVersion.PlannedWork pw, String code,
      Map<String, Object> more) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("workId", pw.id());
    m.put("owner", pw.owner());
    m.put("code", code);
    m.put("snapshotVersion", pw.version());
    m.putAll(more);
    return m;
  }

  private static Map<String, Object> summary(PlanVersion v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scope", v.scope());
    m.put("ref", v.ref());
    m.put("versionNo", v.versionNo());
    m.put("status", v.status());
    m.put("works", v.works().stream().map(PlanVersion.PlannedWork::id).toList());
    if (v.reason() != null) {
      m.put("reason", v.reason());
    }
    return m;
  }

  private static Map<String, Object> args(PlanVersion v, String reason) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", v.id());
    m.put("scope", v.scope());
    m.put("ref", v.ref());
    m.put("versionNo", v.versionNo());
    m.put("works", v.works().size());
    if (reason != null) {
      m.put("reason", reason);
    }
    return m;
  }

  private static Set<String> owners(PlanVersion v) {
    Set<String> out = new LinkedHashSet<>();
    v.works().forEach(w -> {
      if (w.owner() != null) {
        out.add(w.owner());
      }
    });
    return out;
  }

  private static LocalDate date(String s) {
    return s == null ? null : LocalDate.parse(s.substring(0, Math.min(10, s.length())));
  }

  private static JointWorksUser authority(String what) {
    JointWorksUser user = signedIn();
    if (user.role() != Role.ROAD_AUTHORITY) {
      throw ApiException.of(HttpStatus.FORBIDDEN, "permits.authority_only",
          "only the road-works authority may " + what, Map.of("what", what));
    }
    return user;
  }

  private static JointWorksUser signedIn() {
    return JointWorksUser.current().orElseThrow(() -> ApiException.of(HttpStatus.UNAUTHORIZED,
        "auth.required", "sign in to do this", Map.of()));
  }
}
