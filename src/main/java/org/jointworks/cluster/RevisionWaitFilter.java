package org.jointworks.cluster;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jointworks.layers.Layer;
import org.jointworks.layers.LayerRevisions;
import org.jointworks.layers.RevisionHeader;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes across instances: a request carrying the {@code JointWorks-Revision} header a
 * write answered with (on any instance) is answered only once this instance has applied those
 * revisions. It does not wait for the notification: it reads what it misses from the store's
 * change log at once (two small queries), so the request is bounded by the store, not by a
 * timer. Without the header, or when this instance is already there, it costs one header lookup.
 * Runs first of all filters, before the anonymous tile answer. Thread-safe (stateless).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RevisionWaitFilter implements Filter {
  private final LayerRevisions revisions;

  RevisionWaitFilter(LayerRevisions revisions) {
    this.revisions = revisions;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String wanted = ((HttpServletRequest) req).getHeader(RevisionHeader.NAME);
    if (wanted != null && revisions.shared()) {
      try {
        for (Map.Entry<Layer, Long> e : RevisionHeader.parse(wanted).entrySet()) {
          revisions.catchUp(e.getKey(), e.getValue());
        }
      } catch (DataAccessException e) {
        unavailable((HttpServletResponse) res);
        return;
      }
    }
    chain.doFilter(req, res);
  }

  private static void unavailable(HttpServletResponse response) throws IOException {
    response.setStatus(503);
    response.setContentType("application/problem+json");
    response.setHeader("Retry-After", "1");
    response.getOutputStream().write(("{\"type\":\"about:blank\",\"status\":503,"
        + "\"title\":\"Service Unavailable\",\"code\":\"cluster.revision-unavailable\","
        + "\"detail\":\"the store cannot say whether this instance has your last write yet;"
        + " try again\"}").getBytes(StandardCharsets.UTF_8));
  }
}
