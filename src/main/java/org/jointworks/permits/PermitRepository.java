package org.jointworks.permits;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of the permits: steps, resolutions, collaborations. Bound parameters only. */
@Repository
class PermitRepository {
  private final NamedParameterJdbcTemplate jdbc;

  PermitRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insertStep(long workId, String action, String from, String to, Instant at,
      LocalDate onDate, String actor, String organisation, String reason, String findings) {
    jdbc.update("""
        INSERT INTO work_steps (work_id, action, from_status, to_status, at, on_date, actor,
          organisation, reason, findings_json)
        VALUES (:w, :a, :f, :t, :at, :d, :actor, :o, :r, :j)""",
        new MapSqlParameterSource().addValue("w", workId).addValue("a", action)
            .addValue("f", from).addValue("t", to).addValue("at", Timestamp.from(at))
            .addValue("d", onDate).addValue("actor", actor).addValue("o", organisation)
            .addValue("r", reason).addValue("j", findings));
  }

  List<WorkStep> steps(long workId) {
    return jdbc.query("SELECT * FROM work_steps WHERE work_id = :w ORDER BY id",
        new MapSqlParameterSource("w", workId), (rs, i) -> new WorkStep(rs.getLong("id"),
            rs.getLong("work_id"), rs.getString("action"), rs.getString("from_status"),
            rs.getString("to_status"), instant(rs, "at"), rs.getObject("on_date", LocalDate.class),
            rs.getString("actor"), rs.getString("organisation"), rs.getString("reason"),
            rs.getString("findings_json")));
  }

  /** Inserts a resolution; false when one of that pair and kind exists already. */
  boolean insertResolution(long workId, long otherWorkId, String kind, String reason,
      String actor, Instant at) {
    Integer n = jdbc.queryForObject("""
        SELECT COUNT(*) FROM work_resolutions WHERE kind = :k
          AND ((work_id = :w AND other_work_id = :o) OR (work_id = :o AND other_work_id = :w))""",
        new MapSqlParameterSource().addValue("k", kind).addValue("w", workId)
            .addValue("o", otherWorkId), Integer.class);
    if (n != null && n > 0) {
      return false;
    }
    jdbc.update("""
        INSERT INTO work_resolutions (work_id, other_work_id, kind, reason, actor, at)
        VALUES (:w, :o, :k, :r, :a, :at)""",
        new MapSqlParameterSource().addValue("w", workId).addValue("o", otherWorkId)
            .addValue("k", kind).addValue("r", reason).addValue("a", actor)
            .addValue("at", Timestamp.from(at)));
    return true;
  }

  /** The resolutions naming the work on either side. */
  List<Resolution> resolutions(long workId) {
    return jdbc.query("""
        SELECT * FROM work_resolutions WHERE work_id = :w OR other_work_id = :w ORDER BY id""",
        new MapSqlParameterSource("w", workId), (rs, i) -> new Resolution(rs.getLong("id"),
            rs.getLong("work_id"), rs.getLong("other_work_id"), rs.getString("kind"),
            rs.getString("reason"), rs.getString("actor"), instant(rs, "at")));
  }

  long insertCollaboration(Collaboration c) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update("""
        INSERT INTO collaborations (version, primary_work, secondary_work, primary_owner,
          secondary_owner, start_date, end_date, status, note, proposed_by, proposed_at,
          primary_accepted_by, primary_accepted_at, secondary_accepted_by, secondary_accepted_at)
        VALUES (1, :pw, :sw, :po, :so, :s, :e, :st, :n, :by, :at, :pab, :paa, :sab, :saa)""",
        new MapSqlParameterSource().addValue("pw", c.primaryWork())
            .addValue("sw", c.secondaryWork()).addValue("po", c.primaryOwner())
            .addValue("so", c.secondaryOwner()).addValue("s", c.startDate())
            .addValue("e", c.endDate()).addValue("st", c.status()).addValue("n", c.note())
            .addValue("by", c.proposedBy()).addValue("at", Timestamp.from(c.proposedAt()))
            .addValue("pab", c.primaryAcceptedBy()).addValue("paa", ts(c.primaryAcceptedAt()))
            .addValue("sab", c.secondaryAcceptedBy())
            .addValue("saa", ts(c.secondaryAcceptedAt())),
        keys, new String[] {"id"});
    return keys.getKey().longValue();
  }

  /** Records one side's answer if the row is still at {@code version}; false when it moved. */
  boolean answer(Collaboration c, String status, boolean primarySide, String actor, Instant at) {
    String side = primarySide ? "primary" : "secondary";
    return jdbc.update("UPDATE collaborations SET version = version + 1, status = :st, "
        + side + "_accepted_by = :a, " + side + "_accepted_at = :at"
        + " WHERE id = :id AND version = :v",
        new MapSqlParameterSource().addValue("st", status).addValue("a", actor)
            .addValue("at", Timestamp.from(at)).addValue("id", c.id())
            .addValue("v", c.version())) == 1;
  }

  Optional<Collaboration> collaboration(long id) {
    return jdbc.query("SELECT * FROM collaborations WHERE id = :id",
        new MapSqlParameterSource("id", id), PermitRepository::collaboration).stream().findFirst();
  }

  List<Collaboration> collaborationsOf(long workId) {
    return jdbc.query("""
        SELECT * FROM collaborations WHERE primary_work = :w OR secondary_work = :w
        ORDER BY id""", new MapSqlParameterSource("w", workId), PermitRepository::collaboration);
  }

  private static Collaboration collaboration(ResultSet rs, int i) throws SQLException {
    return new Collaboration(rs.getLong("id"), rs.getLong("version"), rs.getLong("primary_work"),
        rs.getLong("secondary_work"), rs.getString("primary_owner"),
        rs.getString("secondary_owner"), rs.getObject("start_date", LocalDate.class),
        rs.getObject("end_date", LocalDate.class), rs.getString("status"), rs.getString("note"),
        rs.getString("proposed_by"), instant(rs, "proposed_at"),
        rs.getString("primary_accepted_by"), instant(rs, "primary_accepted_at"),
        rs.getString("secondary_accepted_by"), instant(rs, "secondary_accepted_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
