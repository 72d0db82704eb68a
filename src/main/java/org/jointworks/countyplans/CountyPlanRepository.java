package org.jointworks.countyplans;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of {@code county_plans} and {@code county_plan_projects}. Thread-safe. */
@Repository
class CountyPlanRepository {
  private final NamedParameterJdbcTemplate jdbc;

  CountyPlanRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long insert(CountyPlan p) {
    var keys = new GeneratedKeyHolder();
    var t = p.targets();
    jdbc.update("INSERT INTO county_plans (district, programme_year, filed_on, recorded_on,"
        + " late_reason, filed_by, note, target_communities, target_households,"
        + " target_buildings, target_floor_area_m2, status, recorded_at, reporter) VALUES (:d,"
        + " :y, :on, :rec, :late, :by, :note, :tc, :th, :tb, :ta, 'filed', :at, :reporter)",
        new MapSqlParameterSource("d", p.district()).addValue("y", p.programmeYear())
            .addValue("on", p.filedOn()).addValue("rec", p.recordedOn())
            .addValue("late", p.lateReason()).addValue("by", p.filedBy())
            .addValue("note", p.note()).addValue("tc", t.communities())
            .addValue("th", t.households()).addValue("tb", t.buildings())
            .addValue("ta", t.floorAreaM2()).addValue("at", Timestamp.from(p.recordedAt()))
            .addValue("reporter", p.reporter()),
        keys, new String[] {"id"});
    long id = keys.getKey().longValue();
    for (var b : p.projects()) {
      jdbc.update("INSERT INTO county_plan_projects (plan_id, project_id, community_id,"
          + " households, buildings, floor_area_m2, budget_yuan) VALUES (:plan, :p, :c, :h, :b,"
          + " :a, :y)", new MapSqlParameterSource("plan", id).addValue("p", b.projectId())
              .addValue("c", b.communityId()).addValue("h", b.households())
              .addValue("b", b.buildings()).addValue("a", b.floorAreaM2())
              .addValue("y", b.budgetYuan()));
    }
    return id;
  }

  boolean approve(long id, String by, LocalDate on) {
    return jdbc.update("UPDATE county_plans SET status = 'approved', approved_by = :by,"
        + " approved_on = :on WHERE id = :id AND status = 'filed'",
        Map.of("by", by, "on", on, "id", id)) == 1;
  }

  /** Every filed plan, each with its baseline projects; {@code due} gives each year's due day. */
  List<CountyPlan> findAll(java.util.function.IntFunction<LocalDate> due) {
    Map<Long, List<CountyPlan.BaselineProject>> projects = new HashMap<>();
    jdbc.query("SELECT plan_id, project_id, community_id, households, buildings, floor_area_m2,"
        + " budget_yuan FROM county_plan_projects ORDER BY plan_id, project_id", Map.of(), rs -> {
          projects.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(
              new CountyPlan.BaselineProject(rs.getLong(2), rs.getLong(3), rs.getLong(4),
                  rs.getLong(5), rs.getDouble(6), rs.getDouble(7)));
        });
    return jdbc.query("SELECT id, district, programme_year, filed_on, recorded_on, late_reason,"
        + " filed_by, note, target_communities, target_households, target_buildings,"
        + " target_floor_area_m2, status, approved_by, approved_on, recorded_at, reporter FROM county_plans"
        + " ORDER BY programme_year, district", Map.of(), (rs, i) -> {
          var mine = projects.getOrDefault(rs.getLong(1), List.of());
          LocalDate filed = rs.getObject(4, LocalDate.class);
          LocalDate recorded = rs.getObject(5, LocalDate.class);
          LocalDate dueOn = due.apply(rs.getInt(3));
          boolean late = dueOn != null && (recorded.isAfter(dueOn) || filed.isAfter(dueOn));
          return new CountyPlan(rs.getLong(1), rs.getString(2), rs.getInt(3), filed, recorded,
              rs.getString(6), rs.getString(7), rs.getString(8), new CountyPlan.Targets(
                  rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getDouble(12)), mine,
              CountyPlan.Totals.of(mine), rs.getString(13), rs.getString(14),
              rs.getObject(15, LocalDate.class), dueOn, late, rs.getTimestamp(16).toInstant(),
              rs.getString(17));
        });
  }
}
