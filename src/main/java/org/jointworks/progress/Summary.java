package org.jointworks.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.layers.Feature;
import org.jointworks.projects.Project;
import org.jointworks.projects.ProjectStatus;

/**
 * The programme against the plan's table: per district the targets (the districts layer's
 * {@code target_*} fields), the planned figures (the projects in the plan) and the projects at
 * each status; and the city's totals. Built by {@link #of}; immutable.
 *
 * @param startedShare households in started (or later) projects over planned households
 * @param pilots the 完整社区 pilots designated among the projects in the plan
 */
public record Summary(int programmeYear, LocalDate asOf, Figures target, Figures planned,
    Map<String, Figures> byStatus, double startedShare, double completedShare,
    List<District> districts, Pilots pilots) {

  public record District(String code, String name, String nameEn, Figures target,
      Figures planned, Map<String, Figures> byStatus, double startedShare,
      double completedShare, Pilots pilots) {}

  /**
   * A count of 完整社区 pilots: the plan asks for them (四(二), {@code source: plan}) but names no
   * number, so there is no target beside the count.
   */
  public record Pilots(long count, String source) {
    static Pilots of(long n) {
      return new Pilots(n, "plan");
    }
  }

  /** The summary of {@code projects} of {@code year} (status as of {@code asOf}). */
  public static Summary of(List<Feature> districts, List<Project> projects, int year,
      LocalDate asOf, Map<String, Long> pilots) {
    Map<String, List<Project>> byDistrict = new HashMap<>();
    for (Project p : projects) {
      if (p.inPlan() && p.programmeYear() == year) {
        byDistrict.computeIfAbsent(p.district(), k -> new ArrayList<>()).add(p);
      }
    }
    List<District> lines = new ArrayList<>();
    Figures target = Figures.ZERO;
    Figures planned = Figures.ZERO;
    Map<String, Figures> totals = emptyByStatus();
    for (Feature d : districts) {
      String code = d.text("code");
      List<Project> mine = byDistrict.getOrDefault(code, List.of());
      Figures t = new Figures(n(d.get("target_communities")), n(d.get("target_households")),
          n(d.get("target_buildings")), x(d.get("target_floor_area_m2")),
          (Double) d.get("target_investment"));
      Figures p = Figures.of(mine);
      Map<String, Figures> status = byStatus(mine, asOf);
      lines.add(new District(code, d.text("name"), d.text("name_en"), t, p, status,
          share(mine, ProjectStatus.STARTED, asOf), share(mine, ProjectStatus.COMPLETED, asOf),
          Pilots.of(pilots.getOrDefault(code, 0L))));
      target = target.plus(t);
      planned = planned.plus(p);
      status.forEach((k, v) -> totals.merge(k, v, Figures::plus));
    }
    List<Project> all = byDistrict.values().stream().flatMap(List::stream).toList();
    return new Summary(year, asOf, target, planned, totals,
        share(all, ProjectStatus.STARTED, asOf), share(all, ProjectStatus.COMPLETED, asOf),
        lines, Pilots.of(pilots.values().stream().mapToLong(Long::longValue).sum()));
  }

  static Map<String, Figures> byStatus(List<Project> projects, LocalDate asOf) {
    Map<ProjectStatus, List<Project>> at = new HashMap<>();
    for (Project p : projects) {
      at.computeIfAbsent(status(p, asOf), k -> new ArrayList<>()).add(p);
    }
    Map<String, Figures> out = emptyByStatus();
    at.forEach((s, list) -> out.put(s.code(), Figures.of(list)));
    return out;
  }

  private static Map<String, Figures> emptyByStatus() {
    Map<String, Figures> out = new LinkedHashMap<>();
    for (ProjectStatus s : ProjectStatus.values()) {
      out.put(s.code(), new Figures(0, 0, 0, 0, 0.0));
    }
    return out;
  }

  static ProjectStatus status(Project p, LocalDate asOf) {
    return asOf == null ? p.status() : p.statusOn(asOf);
  }

  /** Households of projects at {@code s} or later, over all households; 0 when none. */
  static double share(List<Project> projects, ProjectStatus s, LocalDate asOf) {
    long all = 0;
    long reached = 0;
    for (Project p : projects) {
      all += p.households();
      if (status(p, asOf).reached(s)) {
        reached += p.households();
      }
    }
    return all == 0 ? 0 : Math.round(reached * 10_000.0 / all) / 10_000.0;
  }

  private static long n(Object v) {
    return v == null ? 0 : ((Number) v).longValue();
  }

  private static double x(Object v) {
    return v == null ? 0 : ((Number) v).doubleValue();
  }
}
