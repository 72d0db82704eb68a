package org.jointworks.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of {@code monthly_reports}, named parameters only. Thread-safe. */
@Repository
class ReportRepository {
  private static final String SELECT = "SELECT id, version, district, period, submitted_on,"
      + " submitted_by, projects_started, projects_completed, households_completed,"
      + " investment_yuan, note, corrections, corrected_on, status, approved_by, approved_on,"
      + " reporter, recorded_on, late_reason FROM monthly_reports";
  private final NamedParameterJdbcTemplate jdbc;

  ReportRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<MonthlyReport> findAll(int dueDay) {
    return jdbc.query(SELECT + " ORDER BY district, period", Map.of(), (rs, i) -> map(rs, dueDay));
  }

  Optional<MonthlyReport> find(long id, int dueDay) {
    return jdbc.query(SELECT + " WHERE id = :id", Map.of("id", id), (rs, i) -> map(rs, dueDay))
        .stream().findFirst();
  }

  boolean exists(String district, String period) {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM monthly_reports WHERE district = :d"
        + " AND period = :p", Map.of("d", district, "p", period), Long.class);
    return n != null && n > 0;
  }

  long insert(MonthlyReport r) {
    var keys = new GeneratedKeyHolder();
    jdbc.update("INSERT INTO monthly_reports (version, district, period, submitted_on,"
        + " submitted_by, projects_started, projects_completed, households_completed,"
        + " investment_yuan, note, corrections, status, reporter, recorded_on, late_reason)"
        + " VALUES (1, :district, :period, :on, :by, :started, :completed, :households,"
        + " :investment, :note, 0, 'submitted', :reporter, :recorded, :late)",
        figures(r).addValue("district", r.district()).addValue("period", r.period())
            .addValue("on", r.submittedOn()).addValue("by", r.submittedBy())
            .addValue("reporter", r.reporter()).addValue("recorded", r.recordedOn())
            .addValue("late", r.lateReason()),
        keys, new String[] {"id"});
    return keys.getKey().longValue();
  }

  boolean correct(long id, long expectedVersion, MonthlyReport r, LocalDate on) {
    return jdbc.update("UPDATE monthly_reports SET version = version + 1,"
        + " projects_started = :started, projects_completed = :completed,"
        + " households_completed = :households, investment_yuan = :investment, note = :note,"
        + " reporter = COALESCE(:rep, reporter), corrections = corrections + 1, corrected_on = :on, status = 'submitted',"
        + " approved_by = NULL, approved_on = NULL WHERE id = :id AND version = :expected",
        figures(r).addValue("on", on).addValue("id", id)
            .addValue("expected", expectedVersion)) == 1;
  }

  boolean decide(long id, long expectedVersion, String status, String by, LocalDate on) {
    return jdbc.update("UPDATE monthly_reports SET version = version + 1, status = :s,"
        + " approved_by = :by, approved_on = :on WHERE id = :id AND version = :expected",
        new MapSqlParameterSource("s", status).addValue("by", by).addValue("on", on)
            .addValue("id", id).addValue("expected", expectedVersion)) == 1;
  }

  private static MapSqlParameterSource figures(MonthlyReport r) {
    return new MapSqlParameterSource("started", r.projectsStarted()).addValue("rep", r.reporter())
        .addValue("completed", r.projectsCompleted())
        .addValue("households", r.householdsCompleted())
        .addValue("investment", r.investmentYuan()).addValue("note", r.note());
  }

  private static MonthlyReport map(ResultSet rs, int dueDay) throws SQLException {
    String period = rs.getString("period");
    LocalDate due = MonthlyReport.dueOn(YearMonth.parse(period), dueDay);
    LocalDate submitted = rs.getObject("submitted_on", LocalDate.class);
    LocalDate recorded = rs.getObject("recorded_on", LocalDate.class);
    // A late record on the county's behalf counts from the day the server got it.
    LocalDate counts = recorded == null || recorded.isBefore(submitted) ? submitted : recorded;
    long daysLate = Math.max(0, ChronoUnit.DAYS.between(due, counts));
    return new MonthlyReport(rs.getLong("id"), rs.getLong("version"), rs.getString("district"),
        period, submitted, rs.getString("submitted_by"), rs.getLong("projects_started"),
        rs.getLong("projects_completed"), rs.getLong("households_completed"),
        rs.getDouble("investment_yuan"), rs.getString("note"), rs.getInt("corrections"),
        rs.getObject("corrected_on", LocalDate.class), rs.getString("status"),
        rs.getString("approved_by"), rs.getObject("approved_on", LocalDate.class), due,
        daysLate > 0, daysLate, rs.getString("reporter"), recorded, rs.getString("late_reason"),
        null);
  }
}
