package org.jointworks.countyplans;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Layer;
import org.jointworks.layers.LayerWriteRule;
import org.jointworks.system.JointWorksUser;
import org.jointworks.projects.ProgrammeProperties;
import org.jointworks.projects.ProjectRepository;
import org.jointworks.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The baseline's hold on the layers: once a county's plan is filed, a plain write of its
 * districts row may not change its {@code target_*} (or its code), and a community with a project
 * is never deleted (it leaves the plan through an adjustment, which keeps it). Both refusals are
 * 409 and name the adjustment route. Thread-safe.
 */
@Component
class BaselineGuard implements LayerWriteRule {
  static final List<String> TARGETS = List.of("code", "target_communities", "target_households",
      "target_buildings", "target_floor_area_m2", "target_investment");
  private final CountyPlanService plans;
  private final ProjectRepository projects;
  private final ProgrammeProperties settings;

  BaselineGuard(CountyPlanService plans, ProjectRepository projects,
      ProgrammeProperties settings) {
    this.plans = plans;
    this.projects = projects;
    this.settings = settings;
  }

  @Override
  public Feature check(Layer layer, JointWorksUser user, Feature before, Feature after) {
    if (after == null) {
      beforeDelete(layer, before);
    } else if (before != null) {
      beforeReplace(layer, before, after);
    }
    return after;
  }

  private void beforeReplace(Layer layer, Feature before, Feature after) {
    if (layer != Layer.DISTRICTS) {
      return;
    }
    String code = before.text("code");
    var filed = plans.filedOn(code, settings.year());
    if (filed.isEmpty()) {
      return;
    }
    for (String field : TARGETS) {
      if (!same(before.get(field), after.get(field))) {
        throw ApiException.of(HttpStatus.CONFLICT, "plan.baseline_frozen", "the "
            + settings.year() + " plan of " + code + " was filed on " + filed.get() + "; its "
            + field + " changes only through an adjustment (POST /api/adjustments)",
            Map.of("district", code, "field", field, "route", "/api/adjustments"));
      }
    }
  }

  private void beforeDelete(Layer layer, Feature before) {
    if (layer != Layer.COMMUNITIES) {
      return;
    }
    projects.idOfCommunity(before.id(), settings.year()).ifPresent(p -> {
      throw ApiException.of(HttpStatus.CONFLICT, "plan.community_has_project", "community "
          + before.id() + " has project " + p + "; a community leaves the plan through an"
          + " adjustment (POST /api/adjustments), which keeps it", Map.of("community",
              before.id(), "project", p, "route", "/api/adjustments"));
    });
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Math.round(x.doubleValue() * 100) == Math.round(y.doubleValue() * 100);
    }
    return Objects.equals(a, b);
  }
}
