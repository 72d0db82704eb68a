package org.jointworks.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the {@code /api/} requests being answered (analyses, imports, edits), so background work
 * that only saves later visitors time — the tile warmer — can wait for a pause instead of taking
 * a core from a planner's answer (decision 103): on two cores, warming the tiles of 100,000
 * communities beside the uncached adjacency answer right after their import doubled that answer.
 * Counts only; refuses nothing, so its place among the filters does not matter (after the early
 * answers and the limits). Thread-safe.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class ForegroundRequests extends OncePerRequestFilter {
  private final AtomicInteger running = new AtomicInteger();
  private volatile long lastEndedNanos = System.nanoTime();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    running.incrementAndGet();
    try {
      chain.doFilter(request, response);
    } finally {
      lastEndedNanos = System.nanoTime();
      running.decrementAndGet();
    }
  }

  /** Whether no API request has run for {@code millis}. */
  public boolean quietFor(long millis) {
    return running.get() == 0 && System.nanoTime() - lastEndedNanos >= millis * 1_000_000L;
  }
}
