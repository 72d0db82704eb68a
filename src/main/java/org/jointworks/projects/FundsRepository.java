package org.jointworks.projects;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL of funds in place (per project and source) and of the city's rule switches, with named
 * parameters only. The switch is written by UPDATE, then INSERT when absent — the same two
 * statements on both stores (no MERGE/ON CONFLICT dialect). Thread-safe.
 */
@Repository
public class FundsRepository {
  static final String FUNDS_RULE = "funds_before_start";
  private final NamedParameterJdbcTemplate jdbc;

  FundsRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Money recorded in place for a project, one line per record. */
  public record InPlace(long projectId, FundingSource source, double amountYuan,
      String evidenceRef, LocalDate inPlaceOn, Instant recordedAt, String actor) {}

  /** The city's switch of a rule for a programme year, with who set it and when. */
  public record Switch(int programmeYear, String rule, boolean enabled, Double share,
      String setBy, LocalDate setOn) {}

  /**
   * Takes the project's row lock until the transaction ends (a no-op UPDATE, the same on both
   * stores), so two records of the same source cannot both pass the "not more than planned" check.
   */
  void lockProject(long projectId) {
    jdbc.update("UPDATE projects SET version = version WHERE id = :id", Map.of("id", projectId));
  }

  void insert(InPlace f) {
    jdbc.update("INSERT INTO project_funds_in_place (project_id, source, amount_yuan,"
        + " evidence_ref, in_place_on, recorded_at, actor) VALUES (:p, :s, :a, :e, :on, :at,"
        + " :actor)", new MapSqlParameterSource("p", f.projectId())
            .addValue("s", f.source().code()).addValue("a", f.amountYuan())
            .addValue("e", f.evidenceRef()).addValue("on", f.inPlaceOn())
            .addValue("at", Timestamp.from(f.recordedAt())).addValue("actor", f.actor()));
  }

  /** Every record of funds in place, or those of one project when {@code projectId} is set. */
  public List<InPlace> inPlace(Long projectId) {
    return jdbc.query("SELECT project_id, source, amount_yuan, evidence_ref, in_place_on,"
        + " recorded_at, actor FROM project_funds_in_place"
        + (projectId == null ? "" : " WHERE project_id = :p") + " ORDER BY project_id, id",
        new MapSqlParameterSource("p", projectId), (rs, i) -> new InPlace(rs.getLong(1),
            FundingSource.byCode(rs.getString(2)).orElseThrow(), rs.getDouble(3),
            rs.getString(4), rs.getObject(5, LocalDate.class), rs.getTimestamp(6).toInstant(),
            rs.getString(7)));
  }

  Optional<Switch> findSwitch(int year, String rule) {
    return jdbc.query("SELECT programme_year, rule, enabled, share, set_by, set_on FROM"
        + " programme_switches WHERE programme_year = :y AND rule = :r",
        Map.of("y", year, "r", rule), (rs, i) -> {
          double share = rs.getDouble(4);
          return new Switch(rs.getInt(1), rs.getString(2), rs.getBoolean(3),
              rs.wasNull() ? null : share, rs.getString(5), rs.getObject(6, LocalDate.class));
        }).stream().findFirst();
  }

  void saveSwitch(Switch s, Instant at) {
    var params = new MapSqlParameterSource("y", s.programmeYear()).addValue("r", s.rule())
        .addValue("e", s.enabled()).addValue("s", s.share()).addValue("by", s.setBy())
        .addValue("on", s.setOn()).addValue("at", Timestamp.from(at));
    int n = jdbc.update("UPDATE programme_switches SET enabled = :e, share = :s, set_by = :by,"
        + " set_on = :on, recorded_at = :at WHERE programme_year = :y AND rule = :r", params);
    if (n == 0) {
      jdbc.update("INSERT INTO programme_switches (programme_year, rule, enabled, share, set_by,"
          + " set_on, recorded_at) VALUES (:y, :r, :e, :s, :by, :on, :at)", params);
    }
  }
}
