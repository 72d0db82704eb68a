package org.jointworks.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** An API request in flight keeps the background waiting; tiles and pages do not (decision 103). */
class ForegroundRequestsTest {
  @Test
  void anApiRequestIsCountedWhileItRunsAndTilesAreNot() throws Exception {
    ForegroundRequests f = new ForegroundRequests();
    AtomicBoolean quietInside = new AtomicBoolean(true);
    FilterChain chain = (req, res) -> quietInside.set(f.quietFor(0));
    f.doFilter(new MockHttpServletRequest("GET", "/api/linkage/adjacency"),
        new MockHttpServletResponse(), chain);
    assertThat(quietInside).isFalse();
    assertThat(f.quietFor(0)).isTrue();
    assertThat(f.quietFor(60_000)).isFalse();   // it has just ended

    ForegroundRequests g = new ForegroundRequests();
    Thread.sleep(5);
    FilterChain tile = (req, res) -> quietInside.set(g.quietFor(1));
    g.doFilter(new MockHttpServletRequest("GET",
        "/ogcapi/collections/communities/tiles/WebMercatorQuad/14/1/1"),
        new MockHttpServletResponse(), tile);
    assertThat(quietInside).isTrue();
  }
}
