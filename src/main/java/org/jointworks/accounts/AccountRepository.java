package org.jointworks.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL of accounts over {@code app_users}. Writes check the expected version in the same
 * statement, so two concurrent edits cannot both win. Thread-safe.
 */
@Repository
class AccountRepository {
  private static final String COLUMNS = "username, role, organisation, county, enabled,"
      + " must_change_password, version, changed_at";
  private final NamedParameterJdbcTemplate jdbc;

  AccountRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Account> list() {
    return jdbc.query("SELECT " + COLUMNS + " FROM app_users ORDER BY username", Map.of(),
        AccountRepository::row);
  }

  Optional<Account> find(String username) {
    return jdbc.query("SELECT " + COLUMNS + " FROM app_users WHERE username = :u",
        Map.of("u", username), AccountRepository::row).stream().findFirst();
  }

  /** Locks the row for the rest of the transaction and returns its password hash. */
  Optional<String> passwordHashForUpdate(String username) {
    return jdbc.queryForList("SELECT password_hash FROM app_users WHERE username = :u FOR UPDATE",
        Map.of("u", username), String.class).stream().findFirst();
  }

  void insert(Account a, String passwordHash) {
    jdbc.update("""
        INSERT INTO app_users (username, password_hash, role, organisation, county, enabled,
                               must_change_password, version, changed_at)
        VALUES (:u, :p, :r, :o, :c, :e, :m, 0, :at)""", params(a).addValue("p", passwordHash));
  }

  /** Writes the account if its stored version is still {@code expected}; returns whether. */
  boolean update(Account a, long expected, String newPasswordHash) {
    String password = newPasswordHash == null ? "" : ", password_hash = :p";
    return jdbc.update("UPDATE app_users SET role = :r, organisation = :o, county = :c,"
        + " enabled = :e, must_change_password = :m, version = version + 1, changed_at = :at"
        + password + " WHERE username = :u AND version = :expected",
        params(a).addValue("p", newPasswordHash).addValue("expected", expected)) == 1;
  }

  int countEnabledAdminsOtherThan(String username) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM app_users WHERE role = 'ADMIN'"
        + " AND enabled = TRUE AND username <> :u", Map.of("u", username), Integer.class);
    return n == null ? 0 : n;
  }

  boolean districtExists(String code) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM districts WHERE code = :c",
        Map.of("c", code), Integer.class);
    return n != null && n > 0;
  }

  boolean organisationExists(String code) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM organisations WHERE code = :c",
        Map.of("c", code), Integer.class);
    return n != null && n > 0;
  }

  private static MapSqlParameterSource params(Account a) {
    return new MapSqlParameterSource()
        .addValue("u", a.username())
        .addValue("r", a.role())
        .addValue("o", a.organisation())
        .addValue("c", a.county())
        .addValue("e", a.enabled())
        .addValue("m", a.mustChangePassword())
        .addValue("at", Timestamp.from(a.changedAt()));
  }

  private static Account row(ResultSet rs, int i) throws SQLException {
    Timestamp changed = rs.getTimestamp(8);
    return new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getBoolean(5), rs.getBoolean(6), rs.getLong(7),
        changed == null ? null : changed.toInstant());
  }

  static Instant now() {
    return Instant.now();
  }
}
