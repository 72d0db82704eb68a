package org.jointworks.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.jointworks.support.Http;
import org.jointworks.support.SecuredService;
import org.junit.jupiter.api.Test;

/**
 * Sign-in throttling through HTTP (issue 17): per account and per client address, by Basic and
 * by the form; 429 with Retry-After and a growing delay; a right password does not lift it; the
 * answer is the same for an unknown account; every attempt is in the log ADMIN reads. The
 * service under test throttles after 3 failures per account and 6 per address, for 2 s
 * doubling to 8 s ({@link SecuredService}); each test speaks from addresses of its own.
 */
class SignInThrottleTest extends SecuredService {

  Http.Response basic(String user, String password, String address) {
    Http client = Http.anonymous(port).as(user, password);
    return client.send(client.builder("/api/me").header("X-Forwarded-For", address));
  }

  Http.Response form(String user, String password, String address) {
    String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    Http client = Http.anonymous(port);
    return client.send(client.builder("/login").header("X-Forwarded-For", address)
        .header("X-Requested-With", "XMLHttpRequest")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  static void waitOut(Http.Response throttled) throws InterruptedException {
    Thread.sleep(Long.parseLong(throttled.header("Retry-After")) * 1000 + 300);
  }

  @Test
  void anAccountIsThrottledEvenForTheRightPasswordAndLiftsAfterTheDelay() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(basic("planner", "wrong" + i, "10.20.0." + (i + 1)).status()).isEqualTo(401);
    }
    Http.Response throttled = basic("planner", "demo", "10.20.0.9");
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.header("Content-Type")).startsWith("application/problem+json");
    assertThat(throttled.json().get("code").asString()).isEqualTo("auth.throttled");
    long first = Long.parseLong(throttled.header("Retry-After"));
    assertThat(first).isBetween(1L, 2L);
    assertThat(throttled.json().get("args").get("retryAfterSeconds").asLong()).isEqualTo(first);

    waitOut(throttled);
    // Lifted; one more failure throttles again, for longer.
    assertThat(basic("planner", "wrong", "10.20.0.10").status()).isEqualTo(401);
    Http.Response again = basic("planner", "demo", "10.20.0.11");
    assertThat(again.status()).isEqualTo(429);
    assertThat(Long.parseLong(again.header("Retry-After"))).isGreaterThan(first);
    waitOut(again);
    assertThat(basic("planner", "demo", "10.20.0.12").status()).isEqualTo(200);
  }

  @Test
  void anUnknownAccountIsThrottledAlikeSoTheAnswersTellNothing() {
    Http.Response real = null;
    Http.Response unknown = null;
    for (int i = 0; i < 4; i++) {
      real = basic("telecom", "wrong", "10.21.0." + (i + 1));
      unknown = basic("no_such_person", "wrong", "10.21.1." + (i + 1));
    }
    assertThat(real.status()).isEqualTo(429);
    assertThat(unknown.status()).isEqualTo(429);
    assertThat(unknown.json().get("code").asString()).isEqualTo(real.json().get("code").asString());
  }

  @Test
  void theFormIsThrottledLikeBasic() throws Exception {
    for (int i = 0; i < 3; i++) {
      Http.Response r = form("water_supply", "wrong", "10.22.0." + (i + 1));
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.json().get("code").asString()).isEqualTo("auth.bad_credentials");
    }
    Http.Response throttled = form("water_supply", "demo", "10.22.0.9");
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.header("Retry-After")).isNotNull();
    // Basic and the form count the same account.
    assertThat(basic("water_supply", "demo", "10.22.0.10").status()).isEqualTo(429);
    waitOut(throttled);
    assertThat(form("water_supply", "demo", "10.22.0.11").status()).isEqualTo(200);
  }

  @Test
  void anAddressGuessingManyAccountsIsThrottled() {
    for (int i = 0; i < 6; i++) {
      assertThat(basic("guess_" + i, "wrong", "10.23.0.1").status()).isEqualTo(401);
    }
    // A real account, the right password, the same address: still refused.
    assertThat(basic("drainage", "demo", "10.23.0.1").status()).isEqualTo(429);
    assertThat(basic("drainage", "demo", "10.23.0.2").status()).isEqualTo(200);
  }

  @Test
  void everySignInIsLoggedAndOnlyAdminReadsTheLog() {
    basic("power", "wrong", "10.24.0.1");
    form("power", "demo", "10.24.0.2");
    Http admin = Http.anonymous(port).as("admin");
    var log = admin.get("/api/sign-ins?user=power").json();
    assertThat(log.toString()).contains("10.24.0.1").contains("10.24.0.2");
    assertThat(log.get(0).get("outcome").asString()).isEqualTo("success");
    assertThat(log.get(0).get("method").asString()).isEqualTo("form");
    assertThat(log.get(1).get("outcome").asString()).isEqualTo("failure");
    assertThat(log.get(1).get("method").asString()).isEqualTo("basic");
    assertThat(log.get(1).get("at").asString()).isNotBlank();
    assertThat(Http.anonymous(port).as("heating").get("/api/sign-ins").status()).isEqualTo(403);
    assertThat(Http.anonymous(port).get("/api/sign-ins").status()).isEqualTo(401);
    assertThat(admin.get("/api/sign-ins?limit=0").status()).isEqualTo(400);
  }
}
