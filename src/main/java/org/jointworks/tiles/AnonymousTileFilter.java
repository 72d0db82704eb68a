package org.jointworks.tiles;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jointworks.layers.Layer;
import org.jointworks.tiles.mvt.TileCoord;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Answers anonymous tile requests before the security chain, Spring MVC and the request
 * observations. A map pans through dozens of tiles a second per user, and on two cores the
 * framework's own per-request work (authorization matchers, handler mapping, the observation's
 * tags and timers) capped a cached tile at about 1,600 answers a second (docs/benchmarks.md); the
 * tile itself is a cache lookup. These requests are therefore not in {@code
 * http.server.requests}; {@link TileService} counts them in {@code jointworks.tiles}.
 *
 * <p>It serves only what {@code TilesEndpointRules} lets anyone read, with the anonymous audience
 * (no pipelines, no facilities): a GET of the all-layers tileset or of a public layer's tileset,
 * with no Authorization header, no session cookie and no query string, for a valid tile. Anything
 * else goes down the normal chain, so a signed-in user, a bad coordinate or a private layer get
 * exactly the answers they got before. Thread-safe.
 */
@Component
// Second of all filters: cluster/RevisionWaitFilter, first, brings a read-your-writes request's
// layers up to date before this answers it.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AnonymousTileFilter implements Filter {
  private static final String ALL_PREFIX = "/ogcapi/tiles/WebMercatorQuad/";
  private static final String LAYER_PREFIX = "/ogcapi/collections/";
  private static final String LAYER_MIDDLE = "/tiles/WebMercatorQuad/";
  private static final String WEB_MERCATOR = "/WebMercatorQuad/";

  private final TileService tiles;

  AnonymousTileFilter(TileService tiles) {
    this.tiles = tiles;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    String uri = anonymousGet(request) ? request.getRequestURI() : null;
    String tileset = uri == null ? null : tileset(uri);
    TileCoord coord = tileset == null ? null : coord(uri);
    if (coord == null) {
      chain.doFilter(req, res);
      return;
    }
    HttpServletResponse response = (HttpServletResponse) res;
    TileService.Tile tile = tiles.tile(tileset, false, coord);
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache, public");
    response.setHeader(HttpHeaders.VARY, "Authorization, Accept-Encoding, Origin");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader(HttpHeaders.ETAG, tile.etag());
    if (request.getHeader(HttpHeaders.ORIGIN) != null) {
      // The same cross-origin read the security chain allows for /ogcapi (CrossOriginReads).
      response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
      response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "ETag");
    }
    if (tile.etag().equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    String accept = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
    boolean gzip = tile.gzipFor(accept);
    byte[] body = gzip ? tile.gzip() : tile.mvt();
    response.setContentType(TileDocuments.MVT);
    if (gzip) {
      response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
    }
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** A plain GET with no credentials, no session and no query string. */
  private static boolean anonymousGet(HttpServletRequest request) {
    return request.getDispatcherType() == DispatcherType.REQUEST
        && "GET".equals(request.getMethod()) && request.getQueryString() == null
        && request.getHeader(HttpHeaders.AUTHORIZATION) == null
        && request.getRequestedSessionId() == null;
  }

  /** The public tileset a path names, or null. */
  private static String tileset(String uri) {
    if (uri.startsWith(ALL_PREFIX)) {
      return TileSets.ALL;
    }
    if (!uri.startsWith(LAYER_PREFIX)) {
      return null;
    }
    int end = uri.indexOf('/', LAYER_PREFIX.length());
    if (end < 0 || !uri.startsWith(LAYER_MIDDLE, end)) {
      return null;
    }
    String id = uri.substring(LAYER_PREFIX.length(), end);
    // Spelled exactly: Layer.byId ignores case, the security chain's rules do not.
    return Layer.byId(id).filter(l -> l.publicRead() && l.id().equals(id)).map(Layer::id)
        .orElse(null);
  }

  /**
   * The tile the path ends with ({z}/{y}/{x}: row before column, as OGC API – Tiles orders
   * them), or null when it is not three small numbers naming a tile; the controller then answers
   * 400 with the reason.
   */
  private static TileCoord coord(String uri) {
    int at = uri.indexOf(WEB_MERCATOR) + WEB_MERCATOR.length();
    int[] zyx = new int[3];
    for (int i = 0; i < 3; i++) {
      int end = i < 2 ? uri.indexOf('/', at) : uri.length();
      if (end <= at || end - at > 8) {
        return null;
      }
      int n = 0;
      for (int c = at; c < end; c++) {
        char ch = uri.charAt(c);
        if (ch < '0' || ch > '9') {
          return null;
        }
        n = n * 10 + (ch - '0');
      }
      zyx[i] = n;
      at = end + 1;
    }
    if (zyx[0] > TileSets.MAX_ZOOM) {
      return null;
    }
    try {
      return new TileCoord(zyx[0], zyx[2], zyx[1]);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
