package org.jointworks.system;

import java.io.Serializable;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationDetailsSource;

/**
 * Where a sign-in came from: the client address (as Tomcat sees it, so behind a trusted proxy the
 * forwarded one) and the door, {@code basic} or {@code form}. The throttle and the sign-in log
 * read it. Immutable.
 */
public record SignInDetails(String address, String method) implements Serializable {
  public static final String BASIC = "basic";
  public static final String FORM = "form";

  static AuthenticationDetailsSource<HttpServletRequest, SignInDetails> source(String method) {
    return request -> new SignInDetails(request.getRemoteAddr(), method);
  }
}
