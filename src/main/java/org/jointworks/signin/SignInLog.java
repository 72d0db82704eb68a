package org.jointworks.signin;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The sign-in log ({@code sign_in_log}): one row per attempt, written in its own short
 * transaction whatever the request does next. The user name is stored as typed (cut to 100
 * characters), so failed attempts at unknown names are visible to ADMIN too. Thread-safe.
 */
@Repository
class SignInLog {
  private final NamedParameterJdbcTemplate jdbc;

  /** One attempt: {@code outcome} is {@code success}, {@code failure} or {@code throttled}. */
  record Entry(Instant at, String username, String address, String method, String outcome) {}

  SignInLog(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void record(String username, String address, String method, String outcome) {
    jdbc.update("""
        INSERT INTO sign_in_log (at, username, address, method, outcome)
        VALUES (:at, :u, :a, :m, :o)""", new MapSqlParameterSource()
        .addValue("at", Timestamp.from(Instant.now()))
        .addValue("u", cut(username == null ? "" : username, 100))
        .addValue("a", cut(address == null ? "unknown" : address, 64))
        .addValue("m", method)
        .addValue("o", outcome));
  }

  /** The newest entries first, of one user (as typed) or of all when {@code username} is null. */
  List<Entry> newest(String username, int limit) {
    var params = new MapSqlParameterSource().addValue("u", username).addValue("n", limit);
    String where = username == null ? "" : " WHERE username = :u";
    return jdbc.query("SELECT at, username, address, method, outcome FROM sign_in_log" + where
        + " ORDER BY at DESC, id DESC LIMIT :n", params,
        (rs, i) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5)));
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
