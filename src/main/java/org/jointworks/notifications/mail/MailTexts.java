package org.jointworks.notifications.mail;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jointworks.xlsx.XlsxMessages;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a mail in its recipient's language from the same bundles and keys the map's inbox uses
 * ({@code inbox.kind.<kind>} with the notice's arguments, {@code mail.subject}, {@code
 * mail.body}; read on the server through {@link XlsxMessages}), so a mail says what the bell
 * says. An argument is shown by name, never by code: a value with a {@code value.<arg>.<value>}
 * key (utility, status, plan scope…) by that key's text; a district code ({@code county}, and
 * {@code ref} of a county's plan) by the district's name in that language. A kind without a
 * sentence gets {@code mail.other}, never the key. Stateless apart from the bundles' cache;
 * thread-safe.
 */
@Component
public class MailTexts {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
  private static final int SUBJECT_MAX = 100;
  private final XlsxMessages messages;
  private final NamedParameterJdbcTemplate jdbc;

  MailTexts(XlsxMessages messages, NamedParameterJdbcTemplate jdbc) {
    this.messages = messages;
    this.jdbc = jdbc;
  }

  /** A written mail. */
  public record Text(String subject, String body) {}

  /** The mail of one inbox message in lang ({@code en}, else Chinese). */
  public Text render(String lang, String kind, Long subjectId, Map<String, Object> args) {
    String l = XlsxMessages.lang(lang);
    String template = messages.get(l, "inbox.kind." + kind);
    String sentence = template == null ? messages.getOr(l, "mail.other", "JointWorks")
        : fill(template, name -> value(l, name, name.equals("subjectId") ? subjectId
            : args.get(name), args));
    String head = sentence.length() > SUBJECT_MAX
        ? sentence.substring(0, SUBJECT_MAX) + "…" : sentence;
    return new Text(fill(messages.getOr(l, "mail.subject", "[JointWorks] {text}"),
        n -> n.equals("text") ? head : ""),
        fill(messages.getOr(l, "mail.body", "{text}"), n -> n.equals("text") ? sentence : "")
            .replace("\r\n", "\n").replace("\n", "\r\n"));
  }

  private String value(String lang, String name, Object raw, Map<String, Object> args) {
    if (raw == null) {
      return "";
    }
    String code = raw.toString();
    String named = messages.get(lang, "value." + name + "." + code);
    if (named != null) {
      return named;
    }
    boolean district = name.equals("county")
        || (name.equals("ref") && "county".equals(Objects.toString(args.get("scope"), null)));
    return district ? district(lang, code) : code;
  }

  private String district(String lang, String code) {
    List<Map<String, Object>> rows = jdbc.queryForList(
        "SELECT name, name_en FROM districts WHERE code = :c",
        new MapSqlParameterSource("c", code));
    if (rows.isEmpty()) {
      return code;
    }
    Object en = rows.get(0).get("name_en");
    return lang.equals("en") && en != null ? en.toString() : rows.get(0).get("name").toString();
  }

  private static String fill(String template, java.util.function.Function<String, String> v) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(v.apply(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }
}
