package org.jointworks.notifications.mail;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jointworks.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The users' e-mail addresses ({@code app_users.email}, migration V141). An address is checked
 * where it enters: at most 254 characters, one {@code @}, a dot in the domain, and no space,
 * CR, LF or angle bracket (it goes into SMTP commands and headers). Bound parameters only.
 */
@Repository
public class MailAddresses {
  private static final Pattern ADDRESS =
      Pattern.compile("[^@\\s<>\"(),;:\\\\]{1,64}@[^@\\s<>\"(),;:\\\\]+\\.[^@\\s<>\"(),;:\\\\]+");
  private final NamedParameterJdbcTemplate jdbc;

  MailAddresses(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  static boolean valid(String s) {
    return s.length() <= 254 && ADDRESS.matcher(s).matches();
  }

  /** The address of an enabled user, if set. */
  Optional<String> of(String username) {
    List<String> found = jdbc.queryForList("SELECT email FROM app_users WHERE username = :u"
        + " AND enabled = TRUE AND email IS NOT NULL", new MapSqlParameterSource("u", username),
        String.class);
    return found.stream().findFirst();
  }

  /** The stored address of {@code username} (null if none); 404 for no such user. */
  String get(String username) {
    List<Map<String, Object>> rows = jdbc.queryForList(
        "SELECT email FROM app_users WHERE username = :u", new MapSqlParameterSource("u", username));
    if (rows.isEmpty()) {
      throw ApiException.notFound("user " + username);
    }
    return (String) rows.get(0).get("email");
  }

  /** Sets or (null or blank) clears the address; 422 {@code mail.address} if it is not one. */
  String set(String username, String email) {
    String value = email == null || email.isBlank() ? null : email.strip();
    if (value != null && !valid(value)) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "mail.address",
          "not an e-mail address one can send to (name@domain, at most 254 characters)",
          Map.of());
    }
    get(username);
    jdbc.update("UPDATE app_users SET email = :e WHERE username = :u",
        new MapSqlParameterSource().addValue("e", value).addValue("u", username));
    return value;
  }
}
