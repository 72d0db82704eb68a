package org.jointworks.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The map's own message bundles ({@code web/i18n/zh-CN.json}, {@code en.json}, served from
 * {@code static/i18n/}) read on the server, so an export's headers and values say exactly what
 * the map's table says, and a new word is added once for both. Chinese when the language is not
 * one of the two. Thread-safe; each bundle is read once.
 */
@Component
public class XlsxMessages {
  private final ObjectMapper json;
  private final Map<String, Map<String, String>> bundles = new ConcurrentHashMap<>();

  XlsxMessages(ObjectMapper json) {
    this.json = json;
  }

  /** "en" or "zh-CN". */
  public static String lang(String wanted) {
    return wanted != null && wanted.toLowerCase(java.util.Locale.ROOT).startsWith("en") ? "en"
        : "zh-CN";
  }

  /** The message for key in lang, with {name} placeholders left as they are; null if missing. */
  public String get(String lang, String key) {
    return bundles.computeIfAbsent(lang(lang), this::load).get(key);
  }

  public String getOr(String lang, String key, String fallback) {
    String v = get(lang, key);
    return v == null ? fallback : v;
  }

  private Map<String, String> load(String lang) {
    try (InputStream in = XlsxMessages.class.getResourceAsStream("/static/i18n/" + lang + ".json")) {
      Map<String, String> out = new LinkedHashMap<>();
      if (in == null) {
        return out;
      }
      JsonNode node = json.readTree(in);
      node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
