package org.jointworks.history;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jointworks.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The history of one feature or project from the audit trail, oldest first: each write's time,
 * actor, action and changed properties ({@link Changes}). A feature written by a batch import
 * has no row of its own (decision 9: one audit row per import), so its history starts with its
 * first single write; the answer says so with {@code importedRowsNotListed}. Thread-safe.
 */
@Service
class HistoryService {
  /** The subjects whose history may be read, as {@code audit_log.subject}. */
  static final Set<String> SUBJECTS = Set.of("works", "pipelines", "communities", "districts",
      "facilities", "streets", "pipe-points", "projects", "linked_areas", "collaborations");
  private static final int MAX_ROWS = 1000;

  private final NamedParameterJdbcTemplate jdbc;
  private final ObjectMapper json;

  HistoryService(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Transactional(readOnly = true)
  Map<String, Object> of(String subject, long id) {
    if (!SUBJECTS.contains(subject)) {
      throw ApiException.of(HttpStatus.NOT_FOUND, "history.subject",
          "no history is kept for '" + subject + "'", Map.of("subject", subject));
    }
    List<Map<String, Object>> entries = new ArrayList<>();
    jdbc.query("SELECT at, actor, action, before_json, after_json FROM audit_log"
            + " WHERE subject = :s AND subject_id = :id ORDER BY id LIMIT :n",
        new MapSqlParameterSource().addValue("s", subject).addValue("id", id)
            .addValue("n", MAX_ROWS), rs -> {
          Timestamp at = rs.getTimestamp(1);
          JsonNode before = parse(rs.getString(4));
          JsonNode after = parse(rs.getString(5));
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("at", at.toInstant().toString());
          e.put("actor", rs.getString(2));
          e.put("action", rs.getString(3));
          e.put("changes", Changes.between(before, after));
          entries.add(e);
        });
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("subject", subject);
    out.put("id", id);
    out.put("entries", entries);
    out.put("truncated", entries.size() == MAX_ROWS);
    out.put("importedRowsNotListed", true);
    return out;
  }

  private JsonNode parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      return json.readTree(text);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
