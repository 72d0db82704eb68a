package org.jointworks.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.Optional;
import org.jointworks.support.Http;
import org.jointworks.support.SecuredService;
import org.jointworks.support.SessionClient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Headers and sessions (issue 17): the policy headers on the page, the API and the OGC API; the
 * session cookie's attributes; HSTS and Secure only over TLS (here a proxy's
 * {@code X-Forwarded-Proto}); the demo service listening on loopback only.
 */
class SecurityHeadersTest extends SecuredService {

  @ParameterizedTest
  @ValueSource(strings = {"/", "/login.html", "/api/districts", "/ogcapi", "/api/pipelines"})
  void policyHeadersAreOnEveryAnswer(String path) {
    Http.Response r = Http.anonymous(port).get(path);
    String csp = r.header("Content-Security-Policy");
    assertThat(csp).contains("default-src 'self'").contains("script-src 'self'")
        .contains("style-src 'self'").contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    assertThat(r.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
    assertThat(r.header("Permissions-Policy")).contains("camera=()").contains("geolocation=(self)");
    assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(r.header("Strict-Transport-Security")).as("no HSTS over plain HTTP").isNull();
  }

  @Test
  void theSessionCookieIsLaxAndHttpOnlyAndSecureOnlyBehindTls() {
    SessionClient plain = new SessionClient(port);
    Http.Response r = plain.signIn("leader", "demo");
    String cookie = sessionCookie(r);
    assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax")
        .doesNotContain("Secure");

    SessionClient tls = new SessionClient(port);
    Http.Response behindProxy = tls.send(tls.builder("/login")
        .header("X-Forwarded-Proto", "https").header("X-Requested-With", "XMLHttpRequest")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "username=leader&password=demo")));
    assertThat(behindProxy.status()).isEqualTo(200);
    assertThat(sessionCookie(behindProxy)).contains("Secure").containsIgnoringCase("SameSite=Lax");
    assertThat(behindProxy.header("Strict-Transport-Security")).contains("max-age=");
  }

  @Test
  void signOutEndsTheSession() {
    SessionClient browser = new SessionClient(port);
    browser.signIn("leader", "demo");
    assertThat(browser.send(browser.builder("/api/me").GET()).status()).isEqualTo(200);
    String session = browser.cookie("JSESSIONID");
    Http.Response out = browser.send(browser.builder("/logout")
        .header("X-XSRF-TOKEN", browser.csrfToken())
        .header("X-Requested-With", "XMLHttpRequest")
        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertThat(out.status()).isEqualTo(204);
    // The old session id is dead on the server, not only forgotten by this client.
    Http anonymous = Http.anonymous(port);
    Http.Response replay = anonymous.send(anonymous.builder("/api/me")
        .header("Cookie", "JSESSIONID=" + session));
    assertThat(replay.status()).isEqualTo(401);
  }

  @Test
  void theDemoServiceListensOnLoopbackOnly() throws Exception {
    Optional<InetAddress> lan = nonLoopbackAddress();
    Assumptions.assumeTrue(lan.isPresent(), "this machine has no non-loopback IPv4 address");
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(lan.get(), port), 2000);
      throw new AssertionError("the demo service answered on " + lan.get());
    } catch (ConnectException expected) {
      // refused: nothing listens there
    }
  }

  private static String sessionCookie(Http.Response r) {
    return r.raw().headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID=")).findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie in " + r.raw().headers()));
  }

  static Optional<InetAddress> nonLoopbackAddress() throws Exception {
    for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!n.isUp() || n.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(n.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
          return Optional.of(a);
        }
      }
    }
    return Optional.empty();
  }
}
