package org.jointworks.coordination.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A coordinated construction plan for one area, fit for a Gantt view ({@code timeline}) and a map
 * layer ({@code excavations} with lon/lat geometry).
 *
 * @param excavationsUncoordinated one dig per work, as each utility would dig alone
 * @param excavationsCoordinated the shared trenches of the plan
 * @param digsAvoided the difference
 * @param unmet every constraint the schedule could not meet, named
 */
public record ConstructionPlan(int worksInArea, int excavationsUncoordinated,
    int excavationsCoordinated, int digsAvoided, LocalDate start, LocalDate end,
    List<Excavation> excavations, List<Task> surface, List<Task> timeline,
    List<Unmet> unmet) {

  /**
   * One excavation (a shared trench when it has partners).
   *
   * @param lead the work that leads the trench (primary promoter): the deepest utility, then the
   *     largest work, then the lowest id
   * @param phases the utilities in the trench from deepest to shallowest, one after the other
   * @param geometry the works' outline, GeoJSON in lon/lat
   */
  public record Excavation(String id, WorkRef lead, List<WorkRef> partners, List<Long> workIds,
      double lengthMeters, LocalDate start, LocalDate end, List<Task> phases,
      Map<String, Object> geometry) {}

  /**
   * One bar of the timeline.
   *
   * @param group the excavation id, or {@code surface}
   * @param dependsOn the tasks that must finish first
   */
  public record Task(String id, String label, String group, List<String> utilities,
      List<Long> workIds, LocalDate start, LocalDate end, List<String> dependsOn) {}

  /**
   * A constraint the plan breaks.
   *
   * @param constraint {@code work_window} (a work cannot be done within its own dates),
   *     {@code start_by} or {@code complete_by} (the plan's deadlines)
   * @param subject the task or work concerned
   */
  public record Unmet(String constraint, String subject, LocalDate required, LocalDate planned,
      String message) {}
}
