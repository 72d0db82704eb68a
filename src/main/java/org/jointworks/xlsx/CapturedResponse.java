package org.jointworks.xlsx;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response held back: status, headers and body are kept here (the body up to {@code maxBytes},
 * then {@link #overflowed}), nothing reaches the client, so the caller decides what to send — the
 * answer as it was (a refusal) or something made from it (the workbook). Not thread-safe; one per
 * request.
 */
final class CapturedResponse extends HttpServletResponseWrapper {
  private final long maxBytes;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private int status = 200;
  private boolean error;
  private boolean overflowed;
  private String contentType;
  private PrintWriter writer;
  private final ServletOutputStream stream = new ServletOutputStream() {
    @Override
    public void write(int b) {
      if (body.size() >= maxBytes) {
        overflowed = true;
        return;
      }
      body.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (body.size() + (long) len > maxBytes) {
        overflowed = true;
        return;
      }
      body.write(b, off, len);
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      throw new UnsupportedOperationException("blocking only");
    }
  };

  CapturedResponse(HttpServletResponse response, long maxBytes) {
    super(response);
    this.maxBytes = maxBytes;
  }

  byte[] body() {
    if (writer != null) {
      writer.flush();
    }
    return body.toByteArray();
  }

  boolean overflowed() {
    return overflowed;
  }

  /** True when the answer was an error (sendError): the container's error page must say it. */
  boolean error() {
    return error;
  }

  Map<String, String> headers() {
    return headers;
  }

  @Override
  public ServletOutputStream getOutputStream() {
    return stream;
  }

  @Override
  public PrintWriter getWriter() {
    if (writer == null) {
      writer = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    }
    return writer;
  }

  @Override
  public void setStatus(int sc) {
    status = sc;
  }

  @Override
  public int getStatus() {
    return status;
  }

  @Override
  public void sendError(int sc) {
    status = sc;
    error = true;
  }

  @Override
  public void sendError(int sc, String msg) {
    sendError(sc);
  }

  @Override
  public void setContentType(String type) {
    contentType = type;
  }

  @Override
  public String getContentType() {
    return contentType;
  }

  @Override
  public void setHeader(String name, String value) {
    headers.put(name, value);
  }

  @Override
  public void addHeader(String name, String value) {
    headers.merge(name, value, (a, b) -> a + ", " + b);
  }

  @Override
  public void setIntHeader(String name, int value) {
    setHeader(name, Integer.toString(value));
  }

  @Override
  public void setDateHeader(String name, long date) {
    // Dates (Last-Modified, Expires) belong to the JSON, not to the workbook made from it.
  }

  @Override
  public boolean containsHeader(String name) {
    return headers.containsKey(name);
  }

  @Override
  public String getHeader(String name) {
    return headers.get(name);
  }

  @Override
  public void setContentLength(int len) {}

  @Override
  public void setContentLengthLong(long len) {}

  @Override
  public void flushBuffer() {}

  @Override
  public boolean isCommitted() {
    return false;
  }

  @Override
  public void resetBuffer() {
    body.reset();
  }

  @Override
  public void reset() {
    body.reset();
    headers.clear();
    status = 200;
  }

  @Override
  public void setCharacterEncoding(String charset) {}
}
