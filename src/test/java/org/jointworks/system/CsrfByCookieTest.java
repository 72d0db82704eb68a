package org.jointworks.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.jointworks.support.Http;
import org.jointworks.support.SecuredService;
import org.jointworks.support.SessionClient;
import org.junit.jupiter.api.Test;

/**
 * CSRF by the cookie, not the headers (issue 11, item 5): a request that carries a session
 * cookie needs the token whatever else it carries; a Basic API call without a session cookie
 * needs none. The refusal says it is about the token.
 */
class CsrfByCookieTest extends SecuredService {
  static final String ORG = "{\"code\":\"%s\",\"name\":\"CSRF test\"}";

  @Test
  void aSessionCookieNeedsTheTokenWhateverAuthorizationItCarries() {
    SessionClient browser = new SessionClient(port);
    assertThat(browser.signIn("admin", "demo").status()).isEqualTo(200);
    assertThat(browser.cookie("JSESSIONID")).isNotNull();

    Http.Response bearer = browser.postJson("/api/organisations", ORG.formatted("cs_bearer"),
        "Authorization", "Bearer x");
    assertThat(bearer.status()).isEqualTo(403);
    assertThat(bearer.json().get("code").asString()).isEqualTo("auth.csrf");
    assertThat(bearer.json().get("detail").asString()).contains("token");

    String basic = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes());
    Http.Response withBasic = browser.postJson("/api/organisations",
        ORG.formatted("cs_cookie_basic"), "Authorization", basic);
    assertThat(withBasic.status()).isEqualTo(403);
    assertThat(withBasic.json().get("code").asString()).isEqualTo("auth.csrf");

    Http.Response none = browser.postJson("/api/organisations", ORG.formatted("cs_none"));
    assertThat(none.status()).isEqualTo(403);
    assertThat(none.json().get("code").asString()).isEqualTo("auth.csrf");

    Http.Response withToken = browser.postJson("/api/organisations", ORG.formatted("cs_token"),
        "X-XSRF-TOKEN", browser.csrfToken());
    assertThat(withToken.status()).isEqualTo(201);

    // None of the refused writes happened.
    String list = Http.anonymous(port).as("admin").get("/api/organisations").body();
    assertThat(list).contains("cs_token").doesNotContain("cs_bearer")
        .doesNotContain("cs_cookie_basic").doesNotContain("cs_none");
  }

  @Test
  void aBasicCallWithoutASessionCookieNeedsNoToken() {
    Http.Response r = Http.anonymous(port).as("admin").post("/api/organisations",
        ORG.formatted("basic_only"));
    assertThat(r.status()).isEqualTo(201);
  }

  @Test
  void aStaleSessionCookieStillNeedsTheToken() {
    SessionClient browser = new SessionClient(port);
    Http.Response r = browser.postJson("/api/organisations", ORG.formatted("cs_stale"),
        "Cookie", "JSESSIONID=0123456789ABCDEF", "Authorization",
        "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes()));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().get("code").asString()).isEqualTo("auth.csrf");
  }
}
