package org.jointworks.system;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every write in {@code audit_log}: who, when, what, and the state before and after.
 * It joins the caller's transaction, so a write and its record commit or roll back together.
 * Thread-safe.
 */
@Component
public class Audit {
  private final NamedParameterJdbcTemplate jdbc;

  Audit(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records one write.
   *
   * @param action what happened, for example {@code create}, {@code update}, {@code import}
   * @param subject the layer or table written
   * @param subjectId the written row's id, or null for a batch
   * @param before the JSON state before, null for a creation
   * @param after the JSON state after, null for a deletion
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(String action, String subject, Long subjectId, String before, String after) {
    jdbc.update("""
        INSERT INTO audit_log (at, actor, action, subject, subject_id, before_json, after_json)
        VALUES (:at, :actor, :action, :subject, :subjectId, :before, :after)""",
        new MapSqlParameterSource()
            .addValue("at", Timestamp.from(Instant.now()))
            .addValue("actor", currentActor())
            .addValue("action", action)
            .addValue("subject", subject)
            .addValue("subjectId", subjectId)
            .addValue("before", before)
            .addValue("after", after));
  }

  /** The signed-in user's name, or {@code system} for start-up loads. */
  public static String currentActor() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
  }
}
