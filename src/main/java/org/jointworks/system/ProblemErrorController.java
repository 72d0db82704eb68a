package org.jointworks.system;

import java.io.IOException;
import java.util.Map;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page ({@code /error}) that the container forwards to when something called
 * {@code sendError} or an exception escaped a filter: problem+json with the status's code,
 * instead of Spring Boot's {@code {"timestamp":…}} body. It replaces Boot's
 * {@code BasicErrorController}. Neither the exception's message nor the path is repeated: they
 * may name a class or a server file. Thread-safe (stateless).
 */
@RestController
class ProblemErrorController implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  void error(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    // Asked for directly, the error page is just a path with nothing behind it.
    int status = code instanceof Integer i && i >= 400 ? i : 404;
    HttpStatus known = HttpStatus.resolve(status);
    res.resetBuffer();
    ProblemResponses.write(res, status,
        known == null ? "request.invalid" : ApiException.defaultCode(known),
        known == null ? "the request failed"
            : status == 500 ? "an unexpected error occurred; it has been logged"
            : known.getReasonPhrase().toLowerCase(),
        Map.of());
  }
}
