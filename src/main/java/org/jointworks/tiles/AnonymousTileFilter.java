package org.jointworks.tiles;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jointworks.layers.Layer;
import org.jointworks.tiles.mvt.TileCoord;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers anonymous tile requests before the security chain and Spring MVC. A map pans through
 * dozens of tiles a second per user, and on two cores the framework's own per-request work
 * (authorization matchers, handler mapping, filter observations) capped a cached tile at about
 * 1,600 answers a second (docs/benchmarks.md); the tile itself is a map lookup.
 *
 * <p>It serves only what {@code TilesEndpointRules} lets anyone read, with the anonymous audience
 * (no pipelines, no facilities): a GET of the all-layers tileset or of a public layer's tileset,
 * with no Authorization header, no session cookie and no query string, for a valid tile. Anything
 * else goes down the normal chain, so a signed-in user, a bad coordinate or a private layer get
 * exactly the answers they got before. Thread-safe.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AnonymousTileFilter extends OncePerRequestFilter {
  private static final Pattern TILE = Pattern.compile(
      "/ogcapi/(?:tiles|collections/([a-z_-]+)/tiles)/WebMercatorQuad/(\\d{1,2})/(\\d{1,8})/(\\d{1,8})");

  private final TileService tiles;

  AnonymousTileFilter(TileService tiles) {
    this.tiles = tiles;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String tileset = anonymousTileset(request);
    TileCoord coord = tileset == null ? null : coord(request);
    if (coord == null) {
      chain.doFilter(request, response);
      return;
    }
    String etag = tiles.etag(tileset, false, coord);
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache, public");
    response.setHeader(HttpHeaders.VARY, "Authorization, Accept-Encoding");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader(HttpHeaders.ETAG, etag);
    if (etag.equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    TileService.Tile tile = tiles.tile(tileset, false, coord);
    String accept = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
    boolean gzip = accept != null && accept.contains("gzip") && tile.mvt().length > 0;
    byte[] body = gzip ? tile.gzip() : tile.mvt();
    response.setHeader(HttpHeaders.ETAG, tile.etag());
    response.setContentType(TileDocuments.MVT);
    if (gzip) {
      response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
    }
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The tileset an anonymous GET asks for, or null when the request is not one to serve here. */
  private static String anonymousTileset(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod()) || request.getQueryString() != null
        || request.getHeader(HttpHeaders.AUTHORIZATION) != null
        || request.getRequestedSessionId() != null) {
      return null;
    }
    Matcher m = TILE.matcher(request.getRequestURI());
    if (!m.matches()) {
      return null;
    }
    if (m.group(1) == null) {
      return TileSets.ALL;
    }
    return Layer.byId(m.group(1)).filter(Layer::publicRead).map(Layer::id).orElse(null);
  }

  private static TileCoord coord(HttpServletRequest request) {
    Matcher m = TILE.matcher(request.getRequestURI());
    if (!m.matches()) {
      return null;
    }
    try {
      int z = Integer.parseInt(m.group(2));
      return z > TileSets.MAX_ZOOM ? null
          // The path is {z}/{y}/{x}: row (y) before column (x), as OGC API – Tiles orders them.
          : new TileCoord(z, Integer.parseInt(m.group(4)), Integer.parseInt(m.group(3)));
    } catch (IllegalArgumentException e) {
      return null; // out of the matrix: the controller answers 400 with the reason
    }
  }
}
