package org.jointworks.planpackages;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jointworks.system.ApiException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The SQL of the plan versions. Bound parameters only. The snapshot columns are written by
 * {@link #insert} alone; {@link #decide} moves the decision columns once.
 */
@Repository
class PlanVersionRepository {
  private static final TypeReference<List<PlanVersion.PlannedWork>> WORKS =
      new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> PLAN = new TypeReference<>() {};
  /** The largest snapshot column (H2 keeps up to 1,000,000 characters inline; V143). */
  static final int MAX_JSON_CHARS = 1_000_000;
  private final NamedParameterJdbcTemplate jdbc;
  private final ObjectMapper json;

  PlanVersionRepository(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * Stores a new submitted version numbered after the scope's last; two racing submissions of
   * one scope meet the unique (scope, ref, version_no) and the second fails (409).
   */
  long insert(String scope, String ref, List<PlanVersion.PlannedWork> works, Object plan,
      String note, String by, Instant at) {
    Integer last = jdbc.queryForObject("SELECT MAX(version_no) FROM plan_versions"
        + " WHERE scope = :s AND scope_ref = :r",
        new MapSqlParameterSource().addValue("s", scope).addValue("r", ref), Integer.class);
    String worksJson = json.writeValueAsString(works);
    String planJson = json.writeValueAsString(plan);
    if (worksJson.length() > MAX_JSON_CHARS || planJson.length() > MAX_JSON_CHARS) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "plan_versions.too_large",
          "the plan is too large to store as one version (" + MAX_JSON_CHARS
              + " characters); submit smaller joint areas", Map.of("max", MAX_JSON_CHARS));
    }
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update("""
        INSERT INTO plan_versions (scope, scope_ref, version_no, status, works_json, plan_json,
          note, submitted_by, submitted_at)
        VALUES (:s, :r, :n, 'submitted', :w, :p, :note, :by, :at)""",
        new MapSqlParameterSource().addValue("s", scope).addValue("r", ref)
            .addValue("n", last == null ? 1 : last + 1)
            .addValue("w", worksJson).addValue("p", planJson).addValue("note", note)
            .addValue("by", by).addValue("at", Timestamp.from(at)),
        keys, new String[] {"id"});
    return keys.getKey().longValue();
  }

  Optional<PlanVersion> get(long id) {
    return jdbc.query("SELECT * FROM plan_versions WHERE id = :id",
        new MapSqlParameterSource("id", id), this::version).stream().findFirst();
  }

  List<PlanVersion> list(String scope, String ref) {
    return jdbc.query("""
        SELECT * FROM plan_versions
        WHERE (:s IS NULL OR scope = :s) AND (:r IS NULL OR scope_ref = :r)
        ORDER BY id DESC""",
        new MapSqlParameterSource().addValue("s", scope, java.sql.Types.VARCHAR)
            .addValue("r", ref, java.sql.Types.VARCHAR), this::version);
  }

  /**
   * Moves a submitted version to {@code status}; false when it is no longer submitted (another
   * decision won). The row lock is held to the end of the transaction, so a concurrent decision
   * waits here and then finds the row decided (PostgreSQL), or fails to lock it (H2), both false.
   */
  boolean decide(long id, String status, String by, Instant at, String reason) {
    try {
      return jdbc.update("""
          UPDATE plan_versions SET status = :st, decided_by = :by, decided_at = :at,
            reason = :why
          WHERE id = :id AND status = 'submitted'""",
          new MapSqlParameterSource().addValue("st", status).addValue("by", by)
              .addValue("at", Timestamp.from(at)).addValue("why", reason)
              .addValue("id", id)) == 1;
    } catch (ConcurrencyFailureException e) {
      return false;
    }
  }

  private PlanVersion version(ResultSet rs, int i) throws SQLException {
    return new PlanVersion(rs.getLong("id"), rs.getString("scope"), rs.getString("scope_ref"),
        rs.getInt("version_no"), rs.getString("status"),
        json.readValue(rs.getString("works_json"), WORKS),
        json.readValue(rs.getString("plan_json"), PLAN), rs.getString("note"),
        rs.getString("submitted_by"), instant(rs, "submitted_at"), rs.getString("decided_by"),
        instant(rs, "decided_at"), rs.getString("reason"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
