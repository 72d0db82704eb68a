package org.jointworks.adjustments;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of {@code adjustments} and {@code adjustment_changes}. Thread-safe. */
@Repository
class AdjustmentRepository {
  private static final String COLUMNS = "id, district, programme_year, filed_on, reason,"
      + " county_approval_ref, housing_filing_ref, development_filing_ref, finance_filing_ref,"
      + " before_json, after_json, recorded_at, actor, late_reason, status, decided_on,"
      + " decided_by, decision_reason";
  private final NamedParameterJdbcTemplate jdbc;

  AdjustmentRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a filed adjustment with the baseline it was checked against and its input. */
  long insert(Adjustment a, String baselineJson, String inputJson) {
    var keys = new GeneratedKeyHolder();
    jdbc.update("INSERT INTO adjustments (district, programme_year, filed_on, reason,"
        + " county_approval_ref, housing_filing_ref, development_filing_ref, finance_filing_ref,"
        + " before_json, after_json, recorded_at, actor, late_reason, status, baseline_json,"
        + " input_json) VALUES (:d, :y, :on, :reason, :county, :housing, :development,"
        + " :finance, :before, :after, :at, :actor, :late, :status, :baseline, :input)",
        new MapSqlParameterSource("d", a.district()).addValue("y", a.programmeYear())
            .addValue("on", a.filedOn()).addValue("reason", a.reason())
            .addValue("county", a.countyApprovalRef()).addValue("housing", a.housingFilingRef())
            .addValue("development", a.developmentFilingRef())
            .addValue("finance", a.financeFilingRef()).addValue("before", a.beforeJson())
            .addValue("after", a.afterJson()).addValue("at", Timestamp.from(a.recordedAt()))
            .addValue("actor", a.actor()).addValue("late", a.lateReason())
            .addValue("status", a.status()).addValue("baseline", baselineJson)
            .addValue("input", inputJson), keys, new String[] {"id"});
    return keys.getKey().longValue();
  }

  /** The projects an approval withdrew and added. */
  void addChanges(long id, List<Long> withdrawn, List<Long> added) {
    for (Long p : withdrawn) {
      jdbc.update("INSERT INTO adjustment_changes (adjustment_id, project_id, change)"
          + " VALUES (:a, :p, 'withdrawn')", Map.of("a", id, "p", p));
    }
    for (Long p : added) {
      jdbc.update("INSERT INTO adjustment_changes (adjustment_id, project_id, change)"
          + " VALUES (:a, :p, 'added')", Map.of("a", id, "p", p));
    }
  }

  /**
   * Claims a filed adjustment for a decision; false when it is no longer filed (another decision
   * won). The row lock is held to the end of the transaction, so a concurrent decision waits here
   * and then finds the row decided (PostgreSQL), or fails to lock it (H2): both false.
   */
  boolean decide(long id, String status, String by, LocalDate on, Instant at, String reason) {
    try {
      return jdbc.update("UPDATE adjustments SET status = :st, decided_by = :by,"
          + " decided_on = :on, decided_at = :at, decision_reason = :why"
          + " WHERE id = :id AND status = 'filed'",
          new MapSqlParameterSource().addValue("st", status).addValue("by", by)
              .addValue("on", on).addValue("at", Timestamp.from(at)).addValue("why", reason)
              .addValue("id", id)) == 1;
    } catch (ConcurrencyFailureException e) {
      return false;
    }
  }

  /** The filed baseline and input of an adjustment: {baseline_json, input_json}. */
  Optional<String[]> filing(long id) {
    return jdbc.query("SELECT baseline_json, input_json FROM adjustments WHERE id = :id",
        Map.of("id", id), (rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
        .stream().findFirst();
  }

  Optional<Adjustment> find(long id) {
    return query(" WHERE id = :id", Map.of("id", id)).stream().findFirst();
  }

  List<Adjustment> findAll() {
    return query("", Map.of());
  }

  private List<Adjustment> query(String where, Map<String, Object> args) {
    Map<Long, List<Long>> withdrawn = new HashMap<>();
    Map<Long, List<Long>> added = new HashMap<>();
    jdbc.query("SELECT adjustment_id, project_id, change FROM adjustment_changes"
        + " ORDER BY adjustment_id, project_id", Map.of(), rs -> {
          (rs.getString(3).equals("added") ? added : withdrawn)
              .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
        });
    return jdbc.query("SELECT " + COLUMNS + " FROM adjustments" + where + " ORDER BY id", args,
        (rs, i) -> new Adjustment(rs.getLong(1), rs.getString(2), rs.getInt(3),
            rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getString(8), rs.getString(9), withdrawn.getOrDefault(rs.getLong(1), List.of()),
            added.getOrDefault(rs.getLong(1), List.of()), rs.getString(10), rs.getString(11),
            rs.getTimestamp(12).toInstant(), rs.getString(13), rs.getString(14),
            rs.getString(15), rs.getObject(16, LocalDate.class), rs.getString(17),
            rs.getString(18)));
  }
}
