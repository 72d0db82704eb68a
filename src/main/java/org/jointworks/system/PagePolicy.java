package org.jointworks.system;

import java.net.URI;
import org.jointworks.map.MapProperties;

/**
 * The browser-side policy headers (decision 27). The Content-Security-Policy allows only what the
 * page uses: its own scripts and styles (no inline script or style element, no {@code eval}),
 * images from itself, {@code data:} (the empty favicon, Leaflet's icons) and the configured
 * basemap's host, requests to itself only; nothing may frame it. Scripts may still set styles
 * through the CSSOM ({@code element.style}), which CSP does not govern — Leaflet positions its
 * panes that way. Immutable.
 */
final class PagePolicy {
  /**
   * Powerful features the map never uses are switched off for it and anything it embeds.
   * Geolocation is allowed for the page's own origin only ({@code self}), for "locate me" on a
   * phone (locate.js): the position stays in the browser; nothing embedded may ask for it.
   */
  static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(self), "
      + "payment=(), usb=(), serial=(), midi=(), magnetometer=(), gyroscope=(), "
      + "accelerometer=(), interest-cohort=()";

  private PagePolicy() {}

  static String contentSecurityPolicy(MapProperties map) {
    String basemap = basemapSource(map.basemapUrl());
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
        + (basemap.isEmpty() ? "" : " " + basemap)
        + "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self';"
        + " form-action 'self'; frame-ancestors 'none'";
  }

  /**
   * The CSP source of a tile URL template: its scheme and host, with a templated label such as
   * {@code t{s}} (the tile servers' subdomains) widened to {@code *}. Empty for no basemap.
   */
  static String basemapSource(String template) {
    if (template == null || template.isBlank()) {
      return "";
    }
    int schemeEnd = template.indexOf("://");
    String rest = template.substring(schemeEnd + 3);
    int end = rest.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int i = rest.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    String authority = rest.substring(0, end);
    StringBuilder host = new StringBuilder();
    for (String label : authority.split("\\.", -1)) {
      if (host.length() > 0) {
        host.append('.');
      }
      host.append(label.contains("{") ? "*" : label);
    }
    String source = template.substring(0, schemeEnd + 3) + host;
    // Reject anything that would widen the policy beyond one host (a space, a quote, a ';').
    URI.create(source.replace("*", "x"));
    if (!source.matches("https?://[A-Za-z0-9*.:-]+")) {
      throw new IllegalArgumentException("jointworks.map.basemap-url has no usable host");
    }
    return source;
  }
}
