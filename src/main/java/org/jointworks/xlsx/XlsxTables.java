package org.jointworks.xlsx;

import static org.jointworks.xlsx.XlsxColumn.Kind.COMPONENTS;
import static org.jointworks.xlsx.XlsxColumn.Kind.DISTRICT;
import static org.jointworks.xlsx.XlsxColumn.Kind.OVERDUE_MILESTONES;
import static org.jointworks.xlsx.XlsxColumn.Kind.PERCENT;
import static org.jointworks.xlsx.XlsxColumn.of;
import static org.jointworks.xlsx.XlsxColumn.plain;
import static org.jointworks.xlsx.XlsxColumn.value;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * The tables of the map that can be had as Excel: for each JSON endpoint, where its rows are and
 * which columns the map's table shows. Only these paths answer {@code ?format=xlsx}; a table
 * added to the map is added here. Immutable.
 */
final class XlsxTables {
  /** One table: the sheet's title key, the rows' JSON Pointer, the columns, the rows kept. */
  record Table(String title, String rows, List<XlsxColumn> columns, Predicate<JsonNode> keep) {}

  private static final Set<String> COMPLETED = Set.of("completed", "accepted", "handed_over");

  /**
   * The overdue list shows the projects with a milestone overdue today and not finished (the
   * map's rule in {@code leader-parts.js}); the endpoint also lists those that met a milestone
   * late.
   */
  private static final Predicate<JsonNode> OVERDUE_NOW = p ->
      !COMPLETED.contains(p.path("status").asString(""))
      && p.path("milestones").valueStream().anyMatch(m -> "overdue".equals(
          m.path("state").asString("")));

  private static final Map<String, Table> TABLES = Map.of(
      "/api/progress/summary", new Table("xlsx.table.counties", "/districts", List.of(
          of("field.district", "/code", DISTRICT),
          plain("leader.col.target", "/target/communities"),
          plain("leader.col.planned", "/planned/communities"),
          plain("field.target_households", "/target/households"),
          plain("xlsx.col.plannedHouseholds", "/planned/households"),
          of("leader.started_share", "/startedShare", PERCENT),
          of("leader.completed_share", "/completedShare", PERCENT)), r -> true),
      "/api/progress/overdue", new Table("xlsx.table.overdue", "/projects", List.of(
          plain("field.name", "/name"),
          of("field.district", "/district", DISTRICT),
          value("field.status", "/status", "value.status."),
          of("leader.col.milestone", "/milestones", OVERDUE_MILESTONES),
          plain("leader.col.daysLate", "/daysLate")), OVERDUE_NOW),
      "/api/progress/evaluation", new Table("xlsx.table.ranking", "/counties", List.of(
          plain("leader.col.rank", "/rank"),
          of("field.district", "/district", DISTRICT),
          plain("leader.col.score", "/score"),
          of("leader.col.components", "/components", COMPONENTS)), r -> true),
      "/api/projects", new Table("xlsx.table.projects", "", List.of(
          plain("xlsx.col.id", "/id"),
          plain("field.name", "/name"),
          of("field.district", "/district", DISTRICT),
          value("field.status", "/status", "value.status."),
          plain("field.households", "/households"),
          plain("field.buildings", "/buildings"),
          plain("field.floor_area_m2", "/floorAreaM2"),
          plain("xlsx.col.budgetYuan", "/budgetYuan"),
          plain("xlsx.col.constructionUnit", "/constructionUnit"),
          plain("xlsx.col.responsiblePerson", "/responsiblePerson")), r -> true),
      "/api/works/conflicts", new Table("xlsx.table.conflicts", "/conflicts", List.of(
          value("xlsx.col.conflictKind", "/kind", "utility.kind."),
          plain("xlsx.col.workA", "/a/id"),
          value("field.utility", "/a/utility", "value.utility."),
          plain("field.start_date", "/a/startDate"),
          plain("field.end_date", "/a/endDate"),
          plain("xlsx.col.workB", "/b/id"),
          value("xlsx.col.utilityB", "/b/utility", "value.utility."),
          plain("xlsx.col.startB", "/b/startDate"),
          plain("xlsx.col.endB", "/b/endDate"),
          plain("xlsx.col.overlapDays", "/overlapDays"),
          plain("xlsx.col.separationDays", "/separationDays"),
          plain("xlsx.col.gapMeters", "/gapMeters"),
          plain("xlsx.col.overlapMeters", "/overlapMeters")), r -> true),
      "/api/linked-areas", new Table("xlsx.table.linkedAreas", "/features", List.of(
          plain("xlsx.col.id", "/id"),
          plain("field.name", "/properties/name"),
          plain("xlsx.col.note", "/properties/note"),
          plain("xlsx.col.areaM2", "/properties/area_m2"),
          plain("xlsx.col.updatedBy", "/properties/updated_by"),
          plain("xlsx.col.updatedAt", "/properties/updated_at")), r -> true),
      "/api/pipelines/clearance-violations", new Table("xlsx.table.clearances", "/violations",
          List.of(
              value("xlsx.col.clearanceKind", "/kind", "xlsx.clearance."),
              plain("xlsx.col.pipeA", "/a/id"),
              value("field.utility", "/a/utility", "value.utility."),
              plain("xlsx.col.pipeB", "/b/id"),
              value("xlsx.col.utilityB", "/b/utility", "value.utility."),
              plain("xlsx.col.requiredMeters", "/requiredMeters"),
              plain("xlsx.col.actualMeters", "/actualMeters"),
              plain("xlsx.col.condition", "/condition")), r -> true));

  private XlsxTables() {}

  static Optional<Table> forPath(String path) {
    return Optional.ofNullable(TABLES.get(path));
  }

  static Set<String> paths() {
    return TABLES.keySet();
  }
}
