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
 * The users' e-mail addresses ({@code app_users.email}, migration V141) and the language their
 * mails are written in ({@code app_users.lang}, V200: {@code zh-CN} or {@code en}). An address
 * is checked where it enters: at most 254 characters, one {@code @}, a dot in the domain, and no
 * space, CR, LF or angle bracket (it goes into SMTP commands and headers). Bound parameters only.
 */
@Repository
public class MailAddresses {
  private static final Pattern ADDRESS =
      Pattern.compile("[^@\\s<>\"(),;:\\\\]{1,64}@[^@\\s<>\"(),;:\\\\]+\\.[^@\\s<>\"(),;:\\\\]+");
  /** The languages a mail can be written in. */
  static final List<String> LANGS = List.of("zh-CN", "en");
  private final NamedParameterJdbcTemplate jdbc;

  /** Where and in which language an enabled user is mailed. */
  record Recipient(String email, String lang) {}

  /** A user's mail settings: the address (null if none) and the language. */
  record Settings(String email, String lang) {}

  MailAddresses(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  static boolean valid(String s) {
    return s.length() <= 254 && ADDRESS.matcher(s).matches();
  }

  /** The address and language of an enabled user, if an address is set. */
  Optional<Recipient> of(String username) {
    return jdbc.query("SELECT email, lang FROM app_users WHERE username = :u"
        + " AND enabled = TRUE AND email IS NOT NULL", new MapSqlParameterSource("u", username),
        (rs, n) -> new Recipient(rs.getString("email"), rs.getString("lang")))
        .stream().findFirst();
  }

  /** The stored settings of {@code username}; 404 for no such user. */
  Settings get(String username) {
    List<Settings> rows = jdbc.query("SELECT email, lang FROM app_users WHERE username = :u",
        new MapSqlParameterSource("u", username),
        (rs, n) -> new Settings(rs.getString("email"), rs.getString("lang")));
    if (rows.isEmpty()) {
      throw ApiException.notFound("user " + username);
    }
    return rows.get(0);
  }

  /**
   * Sets or (null or blank) clears the address, and sets the language unless it is null (kept);
   * 422 {@code mail.address} or {@code mail.lang} (nothing stored) if either is not one.
   */
  Settings set(String username, String email, String lang) {
    String value = email == null || email.isBlank() ? null : email.strip();
    if (value != null && !valid(value)) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "mail.address",
          "not an e-mail address one can send to (name@domain, at most 254 characters)",
          Map.of());
    }
    if (lang != null && !LANGS.contains(lang)) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "mail.lang",
          "the language of mails is zh-CN or en", Map.of("langs", String.join(", ", LANGS)));
    }
    String keptLang = lang == null ? get(username).lang() : lang;
    jdbc.update("UPDATE app_users SET email = :e, lang = :l WHERE username = :u",
        new MapSqlParameterSource().addValue("e", value).addValue("l", keptLang)
            .addValue("u", username));
    return new Settings(value, keptLang);
  }
}
