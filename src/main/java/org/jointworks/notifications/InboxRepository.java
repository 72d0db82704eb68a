package org.jointworks.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The SQL of the inboxes, and who receives a notice. Bound parameters only. */
@Repository
class InboxRepository {
  private static final TypeReference<Map<String, Object>> ARGS = new TypeReference<>() {};
  private final NamedParameterJdbcTemplate jdbc;
  private final ObjectMapper json;

  InboxRepository(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A recipient and the organisation the notice reached them through (null: the authority). */
  record Recipient(String username, String organisation) {}

  List<Recipient> recipients(Collection<String> organisations, boolean authority,
      Collection<String> counties) {
    List<Recipient> out = new ArrayList<>();
    if (!counties.isEmpty()) {
      out.addAll(jdbc.query("SELECT username, organisation FROM app_users WHERE enabled = TRUE"
          + " AND county IN (:c) ORDER BY username", new MapSqlParameterSource("c", counties),
          (rs, i) -> new Recipient(rs.getString(1), rs.getString(2))));
    }
    if (!organisations.isEmpty()) {
      out.addAll(jdbc.query("SELECT username, organisation FROM app_users WHERE enabled = TRUE"
          + " AND organisation IN (:o) ORDER BY username",
          new MapSqlParameterSource("o", organisations),
          (rs, i) -> new Recipient(rs.getString(1), rs.getString(2))));
    }
    if (authority) {
      out.addAll(jdbc.query("SELECT username FROM app_users WHERE enabled = TRUE"
          + " AND role = 'ROAD_AUTHORITY' ORDER BY username", Map.of(),
          (rs, i) -> new Recipient(rs.getString(1), null)));
    }
    return out;
  }

  Message insert(Recipient to, Notice n, Instant at) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update("""
        INSERT INTO notifications (recipient, organisation, kind, subject, subject_id, message,
          args_json, created_at)
        VALUES (:r, :o, :k, :s, :sid, :m, :a, :at)""",
        new MapSqlParameterSource().addValue("r", to.username())
            .addValue("o", to.organisation()).addValue("k", n.kind())
            .addValue("s", n.subject()).addValue("sid", n.subjectId())
            .addValue("m", n.message()).addValue("a", json.writeValueAsString(n.args()))
            .addValue("at", Timestamp.from(at)),
        keys, new String[] {"id"});
    return new Message(keys.getKey().longValue(), to.username(), to.organisation(), n.kind(),
        n.subject(), n.subjectId(), n.message(), n.args(), at, null);
  }

  List<Message> list(String recipient, boolean unreadOnly, int limit) {
    return jdbc.query("SELECT * FROM notifications WHERE recipient = :r"
            + (unreadOnly ? " AND read_at IS NULL" : "") + " ORDER BY id DESC LIMIT :n",
        new MapSqlParameterSource().addValue("r", recipient).addValue("n", limit),
        (rs, i) -> new Message(rs.getLong("id"), rs.getString("recipient"),
            rs.getString("organisation"), rs.getString("kind"), rs.getString("subject"),
            (Long) rs.getObject("subject_id", Long.class), rs.getString("message"),
            json.readValue(rs.getString("args_json"), ARGS),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant()));
  }

  long unread(String recipient) {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM notifications WHERE recipient = :r"
        + " AND read_at IS NULL", new MapSqlParameterSource("r", recipient), Long.class);
    return n == null ? 0 : n;
  }

  /** Marks the user's own message read; false when it is not theirs (or does not exist). */
  boolean markRead(String recipient, long id, Instant at) {
    return jdbc.update("UPDATE notifications SET read_at = COALESCE(read_at, :at)"
        + " WHERE id = :id AND recipient = :r", new MapSqlParameterSource()
        .addValue("at", Timestamp.from(at)).addValue("id", id).addValue("r", recipient)) == 1;
  }

  int markAllRead(String recipient, Instant at) {
    return jdbc.update("UPDATE notifications SET read_at = :at WHERE recipient = :r"
        + " AND read_at IS NULL", new MapSqlParameterSource()
        .addValue("at", Timestamp.from(at)).addValue("r", recipient));
  }
}
