package org.jointworks.ogcapi;

import java.util.List;
import java.util.Map;

/**
 * The HTML view of an OGC document: the same content as the JSON, with links as anchors and a
 * table of features for item lists, so a person can browse the API in a browser. Stateless.
 */
final class HtmlView {
  private HtmlView() {}

  static String page(String title, Object document) {
    StringBuilder b = new StringBuilder(4096);
    b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(title)).append(" – JointWorks OGC API</title>")
        // A stylesheet of the site, not an inline <style>: the Content-Security-Policy allows
        // only the site's own styles (docs/security.md).
        .append("<link rel=\"stylesheet\" href=\"/css/ogcapi.css\">")
        .append("</head><body><h1>").append(esc(title)).append("</h1>");
    value(b, document);
    return b.append("</body></html>").toString();
  }

  @SuppressWarnings("unchecked")
  private static void value(StringBuilder b, Object v) {
    if (v instanceof Map<?, ?> m) {
      if (m.containsKey("href") && m.get("href") instanceof String href) {
        b.append("<a href=\"").append(esc(href)).append("\">")
            .append(esc(String.valueOf(m.containsKey("title") ? m.get("title") : href)))
            .append("</a> <small>(").append(esc(String.valueOf(m.get("rel")))).append(")</small>");
        return;
      }
      b.append("<table>");
      for (Map.Entry<?, ?> e : m.entrySet()) {
        b.append("<tr><th>").append(esc(String.valueOf(e.getKey()))).append("</th><td>");
        value(b, e.getValue());
        b.append("</td></tr>");
      }
      b.append("</table>");
    } else if (v instanceof List<?> list) {
      b.append("<ul>");
      for (Object o : list) {
        b.append("<li>");
        value(b, o);
        b.append("</li>");
      }
      b.append("</ul>");
    } else {
      b.append(esc(String.valueOf(v)));
    }
  }

  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
