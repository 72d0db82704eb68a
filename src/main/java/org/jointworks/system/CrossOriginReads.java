package org.jointworks.system;

import java.time.Duration;
import java.util.List;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Web map clients on other sites (a district's own MapLibre or OpenLayers page, the OGC's online
 * viewers) read the OGC APIs from the browser, which needs CORS. Any origin may read
 * {@code /ogcapi/**} with GET, but never with credentials: a browser refuses to hand another
 * site an answer to a request that carried a cookie or a password when the answer allows every
 * origin, so what only a signed-in user may read stays on this site. Writes are not allowed
 * across origins at all. Immutable.
 */
final class CrossOriginReads {
  /** The headers a cross-origin reader may see: caching and the CRS of the answer. */
  static final List<String> EXPOSED = List.of("ETag", "Content-Crs", "Link");

  private CrossOriginReads() {}

  static CorsConfigurationSource source() {
    CorsConfiguration reads = new CorsConfiguration();
    reads.addAllowedOrigin("*");
    reads.setAllowedMethods(List.of("GET", "HEAD"));
    reads.setAllowedHeaders(List.of("Accept", "Accept-Language", "If-None-Match"));
    reads.setExposedHeaders(EXPOSED);
    reads.setAllowCredentials(false);
    reads.setMaxAge(Duration.ofHours(1));
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/ogcapi/**", reads);
    return source;
  }
}
