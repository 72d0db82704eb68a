package org.jointworks.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jointworks.system.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body before anything reads it: a Content-Length over the limit answers
 * 413 at once, without reading a byte; a body without one (chunked) is counted as it is read and
 * refused the moment it passes the limit, so no reader ever holds more. Uploads ({@code
 * /api/import/…}, {@code /api/files/…}) have {@code upload-bytes}, every other body {@code
 * body-bytes}. The same stream checks the request's {@link ParseBudget} on every read.
 * Thread-safe; the counting state belongs to one request.
 */
@Component
// After the request observation (system/EarlyAnswersFirst), so its refusals are observed.
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class BodyLimitFilter extends OncePerRequestFilter {
  private final InputLimits limits;

  BodyLimitFilter(InputLimits limits) {
    this.limits = limits;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String method = request.getMethod();
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      chain.doFilter(request, response);
      return;
    }
    String path = request.getRequestURI();
    boolean upload = path.startsWith("/api/import/") || path.startsWith("/api/files/");
    long limit = upload ? limits.uploadBytes() : limits.bodyBytes();
    if (request.getContentLengthLong() > limit) {
      response.setHeader("Connection", "close");
      ProblemResponses.write(response, tooLarge(limit, request.getContentLengthLong()));
      return;
    }
    ParseBudget.start(System.nanoTime() + limits.parseTime().toNanos());
    try {
      chain.doFilter(new Bounded(request, limit), new CloseOnRefusal(response));
    } finally {
      ParseBudget.end();
    }
  }

  static org.jointworks.system.ApiException tooLarge(long limit, long declared) {
    return Limits.exceeded("body_size", limit, "the body is larger than the limit of " + limit
        + " bytes", declared > 0 ? Map.of("declared", declared) : null);
  }

  /**
   * Says {@code Connection: close} on every refusal of a request with a body, while the answer
   * is still uncommitted. A refusal may leave the body unread, and then {@link RefusedBodies}
   * closes the connection instead of draining it; a client must know before it reuses the
   * connection, and the handlers (Spring's message converters flush) commit the answer long
   * before that valve runs.
   */
  private static final class CloseOnRefusal extends HttpServletResponseWrapper {
    CloseOnRefusal(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setStatus(int sc) {
      closeIfRefused(sc);
      super.setStatus(sc);
    }

    @Override
    public void sendError(int sc) throws IOException {
      closeIfRefused(sc);
      super.sendError(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      closeIfRefused(sc);
      super.sendError(sc, msg);
    }

    private void closeIfRefused(int sc) {
      if (sc >= 400 && !isCommitted()) {
        setHeader("Connection", "close");
      }
    }
  }

  /** The request with its body counted. */
  private static final class Bounded extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Bounded(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream(), limit);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String enc = getCharacterEncoding();
      Charset cs = enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc);
      return new BufferedReader(new InputStreamReader(getInputStream(), cs));
    }
  }

  /** Counts the bytes read and fails the read that passes the limit or the time budget. */
  private static final class Counting extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private long count;

    Counting(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = in.read(buf, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      count += n;
      if (count > limit) {
        throw tooLarge(limit, -1);
      }
      ParseBudget.check();
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
