package org.jointworks.ogcapi;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jointworks.layers.Layer;
import org.jointworks.system.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.CorsFilter;

/**
 * Answers anonymous, unfiltered items pages of the public layers before Spring Security's
 * authorization, Spring MVC and the request observation, as {@code tiles/AnonymousTileFilter}
 * does for tiles (decisions 15 and 96). On two cores the framework's own per-request work was
 * over half of an items page's time once the page itself was a snapshot sublist of kept bytes
 * (decision 94). The answer is the controller's, byte for byte: the same {@link GeoJsonPages}
 * writes the page, and the security chain's own header filters (CORS, security headers, the
 * CSRF cookie) run around it, taken from the {@link SecurityFilterChain} bean so they cannot
 * drift from it.
 *
 * <p>It answers only what it is sure of, and sends everything else down the normal chain: a GET
 * of {@code /ogcapi/collections/{id}/items} for a stored layer anyone may read
 * ({@code OgcapiEndpointRules}: pipelines and facilities need a signed-in user) other than works
 * (anonymous users see only some works, {@code PublicWorks}); no Authorization header, no
 * session, no cookie but {@code XSRF-TOKEN}; a query string of plain characters with only
 * {@code limit}, {@code after}, {@code before} and {@code f}, values that {@link ItemsRequest}
 * accepts, JSON asked for ({@link Format}); and a page {@link SnapshotPages} answers. A bad
 * value, HTML, any other parameter, a signed-in user or shared revisions take the normal chain
 * and get its answers, errors included. {@code cluster/RevisionWaitFilter} runs first, so a
 * read-your-writes request is brought up to date before this answers. These answers are not in
 * {@code http.server.requests}; they are counted in {@code jointworks.ogcapi.items.early}.
 * Thread-safe.
 */
@Component
// After cluster/RevisionWaitFilter (HIGHEST_PRECEDENCE), beside the tile filter.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AnonymousItemsFilter implements Filter {
  private static final Logger LOG = LoggerFactory.getLogger(AnonymousItemsFilter.class);
  private static final String PREFIX = "/ogcapi/collections/";
  private static final String SUFFIX = "/items";
  private static final Set<String> PARAMETERS = Set.of("limit", "after", "before", "f");
  private static final String CSRF_COOKIE = "XSRF-TOKEN";

  private final Map<String, OgcCollection> publicLayers = new HashMap<>();
  private final SnapshotPages snapshots;
  private final GeoJsonPages pages;
  private final List<Filter> headerFilters;
  private final Counter answered;
  private volatile boolean enabled;

  AnonymousItemsFilter(CollectionRegistry registry, SnapshotPages snapshots, GeoJsonPages pages,
      SecurityFilterChain security, MeterRegistry meters,
      @Value("${jointworks.ogcapi.items-early:true}") boolean enabled) {
    for (OgcCollection c : registry.all()) {
      // Works: the anonymous audience sees approved and in-progress works only (PublicWorks).
      if (c.publicRead() && c.layer().filter(l -> l.publicRead() && l != Layer.WORKS)
          .isPresent()) {
        publicLayers.put(c.id(), c);
      }
    }
    this.snapshots = snapshots;
    this.pages = pages;
    this.headerFilters = security.getFilters().stream().filter(f -> f instanceof CorsFilter
        || f instanceof HeaderWriterFilter || f instanceof CsrfFilter).toList();
    this.answered = Counter.builder("jointworks.ogcapi.items.early")
        .description("items pages answered ahead of the framework").register(meters);
    // Without the three, the answer could not carry the chain's headers: answer none early.
    this.enabled = enabled && headerFilters.size() == 3;
    if (enabled && !this.enabled) {
      LOG.warn("anonymous items pages take the full chain: the security chain has {} of the"
          + " CORS, header and CSRF filters", headerFilters.size());
    }
  }

  /** Turns the early answer on or off (tests compare it with the full chain's). */
  void enabled(boolean on) {
    this.enabled = on && headerFilters.size() == 3;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    OgcCollection c = enabled ? collection(request) : null;
    ItemsRequest.Parsed parsed = c == null ? null : parsed(c, request);
    if (parsed == null) {
      chain.doFilter(req, res);
      return;
    }
    answered.increment();
    new HeaderFilters(headerFilters, (rq, rs) -> pages.write((HttpServletRequest) rq,
        (HttpServletResponse) rs, c, parsed.crs(), c.items(parsed.query())))
        .doFilter(req, res);
  }

  /** The public layer an anonymous plain GET of its items names, or null. */
  private OgcCollection collection(HttpServletRequest request) {
    if (request.getDispatcherType() != DispatcherType.REQUEST
        || !"GET".equals(request.getMethod())
        || request.getHeader(HttpHeaders.AUTHORIZATION) != null
        || request.getRequestedSessionId() != null || !plainQuery(request.getQueryString())) {
      return null;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith(PREFIX) || !path.endsWith(SUFFIX)
        || path.length() <= PREFIX.length() + SUFFIX.length()) {
      return null;
    }
    OgcCollection c = publicLayers.get(path.substring(PREFIX.length(),
        path.length() - SUFFIX.length()));
    return c == null || !onlyCsrfCookie(request) ? null : c;
  }

  /** The request's items query when a snapshot page answers it as JSON, or null. */
  private ItemsRequest.Parsed parsed(OgcCollection c, HttpServletRequest request) {
    Map<String, String[]> params = request.getParameterMap();
    if (!PARAMETERS.containsAll(params.keySet())) {
      return null;
    }
    try {
      if (Format.of(request) != Format.JSON) {
        return null;
      }
      ItemsRequest.Parsed parsed = ItemsRequest.parse(c, params);
      Layer layer = c.layer().orElseThrow();
      return parsed.crs() == OgcCrs.CRS84 && snapshots.answers(layer, parsed.query())
          ? parsed : null;
    } catch (ApiException e) {
      return null; // the controller says what is wrong
    }
  }

  /**
   * Whether the query string is absent or of letters, digits, '=', '&', '-', '.', '_' and '/'
   * only: no escape Tomcat could decode differently or drop (limits/QueryStringFilter refuses
   * bad ones) and no '+' (a space).
   */
  static boolean plainQuery(String query) {
    if (query == null) {
      return true;
    }
    for (int i = 0; i < query.length(); i++) {
      char ch = query.charAt(i);
      boolean plain = ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9'
          || ch == '=' || ch == '&' || ch == '-' || ch == '.' || ch == '_' || ch == '/';
      if (!plain) {
        return false;
      }
    }
    return true;
  }

  /** No cookie but the CSRF token's, which the CSRF filter reads as the chain's would. */
  private static boolean onlyCsrfCookie(HttpServletRequest request) {
    if (request.getHeader(HttpHeaders.COOKIE) == null) {
      return true;
    }
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return false;
    }
    for (Cookie cookie : cookies) {
      if (!CSRF_COOKIE.equals(cookie.getName())) {
        return false;
      }
    }
    return true;
  }

  /** The security chain's header filters in their order, then the page. */
  private static final class HeaderFilters implements FilterChain {
    private final List<Filter> filters;
    private final FilterChain last;
    private int next;

    HeaderFilters(List<Filter> filters, FilterChain last) {
      this.filters = filters;
      this.last = last;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response)
        throws IOException, ServletException {
      if (next < filters.size()) {
        filters.get(next++).doFilter(request, response, this);
      } else {
        last.doFilter(request, response);
      }
    }
  }
}
