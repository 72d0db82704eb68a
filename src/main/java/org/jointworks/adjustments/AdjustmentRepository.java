package org.jointworks.adjustments;

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

/** The SQL of {@code adjustments} and {@code adjustment_changes}. Thread-safe. */
@Repository
class AdjustmentRepository {
  private final NamedParameterJdbcTemplate jdbc;

  AdjustmentRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long insert(Adjustment a) {
    var keys = new GeneratedKeyHolder();
    jdbc.update("INSERT INTO adjustments (district, programme_year, filed_on, reason,"
        + " county_approval_ref, housing_filing_ref, development_filing_ref, finance_filing_ref,"
        + " before_json, after_json, recorded_at, actor, late_reason) VALUES (:d, :y, :on,"
        + " :reason, :county, :housing, :development, :finance, :before, :after, :at, :actor,"
        + " :late)",
        new MapSqlParameterSource("d", a.district()).addValue("y", a.programmeYear())
            .addValue("on", a.filedOn()).addValue("reason", a.reason())
            .addValue("county", a.countyApprovalRef()).addValue("housing", a.housingFilingRef())
            .addValue("development", a.developmentFilingRef())
            .addValue("finance", a.financeFilingRef()).addValue("before", a.beforeJson())
            .addValue("after", a.afterJson()).addValue("at", Timestamp.from(a.recordedAt()))
            .addValue("actor", a.actor()).addValue("late", a.lateReason()), keys, new String[] {"id"});
    long id = keys.getKey().longValue();
    for (Long p : a.withdrawnProjects()) {
      jdbc.update("INSERT INTO adjustment_changes (adjustment_id, project_id, change)"
          + " VALUES (:a, :p, 'withdrawn')", Map.of("a", id, "p", p));
    }
    for (Long p : a.addedProjects()) {
      jdbc.update("INSERT INTO adjustment_changes (adjustment_id, project_id, change)"
          + " VALUES (:a, :p, 'added')", Map.of("a", id, "p", p));
    }
    return id;
  }

  List<Adjustment> findAll() {
    Map<Long, List<Long>> withdrawn = new HashMap<>();
    Map<Long, List<Long>> added = new HashMap<>();
    jdbc.query("SELECT adjustment_id, project_id, change FROM adjustment_changes"
        + " ORDER BY adjustment_id, project_id", Map.of(), rs -> {
          (rs.getString(3).equals("added") ? added : withdrawn)
              .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
        });
    return jdbc.query("SELECT id, district, programme_year, filed_on, reason,"
        + " county_approval_ref, housing_filing_ref, development_filing_ref, finance_filing_ref,"
        + " before_json, after_json, recorded_at, actor, late_reason FROM adjustments"
        + " ORDER BY id", Map.of(),
        (rs, i) -> new Adjustment(rs.getLong(1), rs.getString(2), rs.getInt(3),
            rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getString(8), rs.getString(9), withdrawn.getOrDefault(rs.getLong(1), List.of()),
            added.getOrDefault(rs.getLong(1), List.of()), rs.getString(10), rs.getString(11),
            rs.getTimestamp(12).toInstant(), rs.getString(13), rs.getString(14)));
  }
}
