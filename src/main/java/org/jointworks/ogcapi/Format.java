package org.jointworks.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import org.jointworks.system.ApiException;

/**
 * The answer's format, from {@code f} when given, else from the Accept header: browsers ask for
 * text/html first and get the HTML view, every other client gets JSON.
 */
public enum Format {
  JSON, HTML;

  public static Format of(HttpServletRequest request) {
    String f = request.getParameter("f");
    if (f != null) {
      return switch (f) {
        case "json", "geojson", "application/json", "application/geo+json" -> JSON;
        case "html", "text/html" -> HTML;
        default -> throw ApiException.badRequest("f must be json or html, got '" + f + "'");
      };
    }
    String accept = request.getHeader("Accept");
    if (accept == null) {
      return JSON;
    }
    int html = accept.indexOf("text/html");
    int json = Math.max(accept.indexOf("json"), -1);
    return html >= 0 && (json < 0 || html < json) ? HTML : JSON;
  }
}
