package org.jointworks.files;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.system.ApiException;
import org.jointworks.system.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes every upload endpoint ({@code POST /api/files/…}, {@code POST /api/import/…}) take the
 * file whatever Content-Type the client sent. Before, a Shapefile zip sent with curl's default
 * {@code application/x-www-form-urlencoded} had its body parsed as form fields by the servlet
 * container the moment a query parameter was read, so the reader got an empty stream (500), and
 * GeoJSON sent as {@code text/plain} was refused (415). This filter looks at the body's first
 * bytes ({@link UploadFormat}), answers the request as if the client had sent the matching type,
 * takes parameters from the query string only (the body is the file, never a form), and leaves the
 * format in the request attribute {@link #FORMAT} for the endpoints that accept several. A
 * multipart form is refused with {@code upload.multipart} (send the file itself as the body).
 * Runs after {@code limits.BodyLimitFilter}, so the peek reads from the bounded stream.
 * Thread-safe; the wrapper belongs to one request.
 */
@Component
// After limits/BodyLimitFilter (+ 3) and the request observation (system/EarlyAnswersFirst).
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class UploadBodyFilter extends OncePerRequestFilter {
  static final String FORMAT = UploadFormat.class.getName();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !"POST".equals(request.getMethod())
        || !(path.startsWith("/api/files/") || path.startsWith("/api/import/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    BufferedInputStream in = new BufferedInputStream(request.getInputStream(),
        UploadFormat.SNIFF_BYTES);
    in.mark(UploadFormat.SNIFF_BYTES);
    byte[] head = new byte[UploadFormat.SNIFF_BYTES];
    int n = in.readNBytes(head, 0, head.length);
    in.reset();
    String declared = request.getContentType();
    UploadFormat format = declared != null && declared.toLowerCase().startsWith("multipart/")
        ? UploadFormat.MULTIPART : UploadFormat.of(head, n);
    if (format == UploadFormat.MULTIPART) {
      ProblemResponses.write(response, ApiException.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "upload.multipart", "send the file itself as the request body, not a multipart form",
          Map.of()));
      return;
    }
    request.setAttribute(FORMAT, format);
    chain.doFilter(new Sniffed(request, format, in), response);
  }

  /** The request as if its Content-Type were the sniffed one, parameters from the query only. */
  private static final class Sniffed extends HttpServletRequestWrapper {
    private final String contentType;
    private final ServletInputStream body;
    private final Map<String, String[]> parameters;

    Sniffed(HttpServletRequest request, UploadFormat format, BufferedInputStream in) {
      super(request);
      String enc = request.getCharacterEncoding();
      this.contentType = format.mediaType + (enc == null ? "" : ";charset=" + enc);
      this.body = new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          try {
            return in.available() == 0 && request.getInputStream().isFinished();
          } catch (IOException e) {
            return true;
          }
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("uploads are read blocking");
        }
      };
      this.parameters = query(request.getQueryString());
    }

    private static Map<String, String[]> query(String q) {
      Map<String, List<String>> m = new LinkedHashMap<>();
      if (q != null) {
        for (String pair : q.split("&")) {
          if (pair.isEmpty()) {
            continue;
          }
          int eq = pair.indexOf('=');
          String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
          String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
          m.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
      }
      Map<String, String[]> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
      return Collections.unmodifiableMap(out);
    }

    @Override
    public String getContentType() {
      return contentType;
    }

    @Override
    public String getHeader(String name) {
      return "content-type".equalsIgnoreCase(name) ? contentType : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return "content-type".equalsIgnoreCase(name)
          ? Collections.enumeration(List.of(contentType)) : super.getHeaders(name);
    }

    @Override
    public ServletInputStream getInputStream() {
      return body;
    }

    @Override
    public String getParameter(String name) {
      String[] v = parameters.get(name);
      return v == null ? null : v[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return parameters.get(name);
    }
  }
}
