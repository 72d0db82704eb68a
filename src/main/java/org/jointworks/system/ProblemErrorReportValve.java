package org.jointworks.system;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report, as problem+json instead of Tomcat's HTML page. It answers the errors the
 * container raises before Spring sees the request — an encoded slash ({@code %2F}) or a quote in
 * the path, a malformed request line or header — and any error status that reached the container
 * without a body. Errors Spring answers already carry their body and are left alone.
 *
 * <p>The detail never repeats the container's message (it may name a class or an internal
 * reason): only the status, a fixed sentence and the stable code. Thread-safe (stateless).
 */
final class ProblemErrorReportValve extends ErrorReportValve {

  ProblemErrorReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    // Spring answers every request it saw with its own body; a bodiless 400 here is one the
    // container refused while parsing the request line or path.
    String code = status == 400 ? "request.bad_path"
        : known == null ? "request.invalid" : ApiException.defaultCode(known);
    String detail = status == 400
        ? "the request's path or headers are malformed and were refused before reading"
        : known == null ? "the request failed" : known.getReasonPhrase().toLowerCase();
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      PrintWriter out = response.getReporter();
      if (out != null) {
        out.write(ProblemResponses.body(status, code, detail, Map.of()));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client went away or the response was committed meanwhile: nothing left to say.
    }
  }
}
