package org.jointworks.inspections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of {@code inspections}, named parameters only. Thread-safe. */
@Repository
class InspectionRepository {
  private static final String SELECT = "SELECT id, version, district, project_id, kind,"
      + " inspected_on, inspector, description, finding_count, outcome, rectification_due,"
      + " rectified_on, rectification_note, recorded_at, actor FROM inspections";
  private final NamedParameterJdbcTemplate jdbc;

  InspectionRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Inspection> findAll() {
    return jdbc.query(SELECT + " ORDER BY inspected_on, id", Map.of(), (rs, i) -> map(rs));
  }

  Optional<Inspection> find(long id) {
    return jdbc.query(SELECT + " WHERE id = :id", Map.of("id", id), (rs, i) -> map(rs))
        .stream().findFirst();
  }

  boolean passedAcceptance(long projectId, LocalDate byDay) {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM inspections WHERE project_id = :p"
        + " AND kind = 'acceptance' AND outcome = 'passed' AND inspected_on <= :d",
        Map.of("p", projectId, "d", byDay), Long.class);
    return n != null && n > 0;
  }

  /** The findings of the project's inspections still open at the end of {@code day}. */
  int openFindings(long projectId, LocalDate day) {
    Long n = jdbc.queryForObject("SELECT COALESCE(SUM(finding_count), 0) FROM inspections"
        + " WHERE project_id = :p AND finding_count > 0 AND inspected_on <= :d"
        + " AND (rectified_on IS NULL OR rectified_on > :d)",
        Map.of("p", projectId, "d", day), Long.class);
    return n == null ? 0 : n.intValue();
  }

  boolean handOverRecorded(long projectId, LocalDate byDay) {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM inspections WHERE project_id = :p"
        + " AND kind = 'hand_over' AND inspected_on <= :d",
        Map.of("p", projectId, "d", byDay), Long.class);
    return n != null && n > 0;
  }

  long insert(Inspection x) {
    var keys = new GeneratedKeyHolder();
    jdbc.update("INSERT INTO inspections (version, district, project_id, kind, inspected_on,"
        + " inspector, description, finding_count, outcome, rectification_due, rectified_on,"
        + " rectification_note, recorded_at, actor) VALUES (1, :district, :project, :kind, :on,"
        + " :inspector, :description, :findings, :outcome, :due, :rectified, :rnote, :at,"
        + " :actor)", new MapSqlParameterSource("district", x.district())
            .addValue("project", x.projectId()).addValue("kind", x.kind().code())
            .addValue("on", x.inspectedOn()).addValue("inspector", x.inspector())
            .addValue("description", x.description()).addValue("findings", x.findingCount())
            .addValue("outcome", x.outcome()).addValue("due", x.rectificationDue())
            .addValue("rectified", x.rectifiedOn()).addValue("rnote", x.rectificationNote())
            .addValue("at", Timestamp.from(x.recordedAt())).addValue("actor", x.actor()),
        keys, new String[] {"id"});
    return keys.getKey().longValue();
  }

  boolean rectify(long id, long expectedVersion, LocalDate on, String note) {
    return jdbc.update("UPDATE inspections SET version = version + 1, rectified_on = :on,"
        + " rectification_note = :note WHERE id = :id AND version = :expected",
        new MapSqlParameterSource("on", on).addValue("note", note).addValue("id", id)
            .addValue("expected", expectedVersion)) == 1;
  }

  private static Inspection map(ResultSet rs) throws SQLException {
    long project = rs.getLong("project_id");
    Long projectId = rs.wasNull() ? null : project;
    return new Inspection(rs.getLong("id"), rs.getLong("version"), rs.getString("district"),
        projectId, Inspection.Kind.byCode(rs.getString("kind")).orElseThrow(),
        rs.getObject("inspected_on", LocalDate.class), rs.getString("inspector"),
        rs.getString("description"), rs.getInt("finding_count"), rs.getString("outcome"),
        rs.getObject("rectification_due", LocalDate.class),
        rs.getObject("rectified_on", LocalDate.class), rs.getString("rectification_note"),
        rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"));
  }
}
