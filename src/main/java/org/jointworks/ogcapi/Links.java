package org.jointworks.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the links of every OGC document in one place: absolute URLs from the request's own
 * scheme, host and context path, and the self/alternate pair for JSON and HTML. Stateless.
 */
public final class Links {
  public static final String JSON = "application/json";
  public static final String GEOJSON = "application/geo+json";
  public static final String HTML = "text/html";

  private Links() {}

  /** The service root, for example {@code http://host:8080/ogcapi}. */
  public static String root(HttpServletRequest request) {
    String url = request.getRequestURL().toString();
    String path = request.getRequestURI();
    return url.substring(0, url.length() - path.length()) + request.getContextPath() + "/ogcapi";
  }

  public static Map<String, Object> link(String href, String rel, String type, String title) {
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("href", href);
    l.put("rel", rel);
    if (type != null) {
      l.put("type", type);
    }
    if (title != null) {
      l.put("title", title);
    }
    return l;
  }

  /** self (in the answered format) and alternate (the other one) for a resource. */
  public static List<Map<String, Object>> selfAndAlternate(String href, boolean html,
      String jsonType) {
    String sep = href.contains("?") ? "&" : "?";
    Map<String, Object> json = link(href + sep + "f=json", html ? "alternate" : "self", jsonType,
        "this document as JSON");
    Map<String, Object> page = link(href + sep + "f=html", html ? "self" : "alternate", HTML,
        "this document as HTML");
    return html ? List.of(page, json) : List.of(json, page);
  }

  /** A query string from parameters, URL-encoded, without {@code f}. */
  public static String query(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
