package org.jointworks.limits;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.stereotype.Component;

/**
 * When a request is refused before its body was read to the end (a body over its limit, a CSV
 * line over the limit, a zip bomb, a spent parse budget…), Tomcat would otherwise read and
 * discard the rest of the body before finishing the answer ({@code server.tomcat.max-swallow-size}
 * is unlimited so that imports answer their own 413): a client sending a gigabyte, or sending
 * slowly for ever, would hold a worker thread and delay the answer. This valve tells Tomcat not
 * to read the rest: the answer is written and the connection closed. Bodies that were read whole
 * and requests without a body keep their connection. Stateless.
 */
@Component
class RefusedBodies implements TomcatContextCustomizer {

  @Override
  public void customize(Context context) {
    context.getPipeline().addValve(new Valve());
  }

  /** Runs after the application; sees Tomcat's own request, where the swallow is decided. */
  private static final class Valve extends ValveBase {
    Valve() {
      super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException,
        ServletException {
      getNext().invoke(request, response);
      if (response.getStatus() >= 400 && !request.getCoyoteRequest().isFinished()
          && hasBody(request)) {
        if (!response.isCommitted()) {
          response.setHeader("Connection", "close");
        }
        // The answer is complete on the wire (its last chunk written) before Tomcat is told to
        // close rather than drain; otherwise the client would read a cut-off answer.
        response.finishResponse();
        request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
      }
    }

    private static boolean hasBody(Request request) {
      return request.getContentLengthLong() > 0
          || request.getHeader("Transfer-Encoding") != null;
    }
  }
}
