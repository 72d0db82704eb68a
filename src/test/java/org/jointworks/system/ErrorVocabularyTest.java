package org.jointworks.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.jointworks.support.Http;
import org.jointworks.support.SecuredService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One error vocabulary (issue 11, item 4): every refusal, including the container's own and the
 * security chain's, is problem+json with a stable code, and names no server path, class or stack
 * trace. Bad paths go over a raw socket, since HTTP clients normalise or refuse them.
 */
class ErrorVocabularyTest extends SecuredService {

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(delimiter = '|', value = {
      "GET /api/districts/a%2Fb HTTP/1.1 | 400 | request.bad_path",
      "GET /a%2F..%2F..%2Fetc%2Fpasswd HTTP/1.1 | 400 | request.bad_path",
      "GET /api/\"quoted\" HTTP/1.1 | 400 | request.bad_path",
      "GET /api/me;jsessionid=x HTTP/1.1 | 400 | request.bad_path",
      "GET /js/..;/x HTTP/1.1 | 400 | request.bad_path",
      "GET /api//districts HTTP/1.1 | 400 | request.bad_path",
      "GET /js/no-such-file.js HTTP/1.1 | 404 | not_found",
      "GET /api/no-such-thing HTTP/1.1 | 401 | auth.required",
      "GET /error HTTP/1.1 | 404 | not_found",
      "BREW /api/districts HTTP/1.1 | 400 | request.method"})
  void containerAndFirewallRefusalsAreProblemJson(String requestLine, int status, String code)
      throws Exception {
    String answer = RawHttp.send(port, requestLine);
    assertThat(RawHttp.status(answer)).as(answer).isEqualTo(status);
    assertThat(RawHttp.header(answer, "Content-Type")).as(answer)
        .startsWith("application/problem+json");
    var body = Http.JSON.readTree(RawHttp.body(answer));
    assertThat(body.get("code").asString()).isEqualTo(code);
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertNothingInternal(answer);
  }

  @Test
  void wrongPasswordAndUnknownUserAnswerTheSameProblem() {
    Http anonymous = Http.anonymous(port);
    Http.Response wrong = anonymous.send(anonymous.as("admin", "wrong").builder("/api/me")
        .header("X-Forwarded-For", "10.11.0.1"));
    Http.Response unknown = anonymous.send(anonymous.as("nobody_at_all", "wrong")
        .builder("/api/me").header("X-Forwarded-For", "10.11.0.1"));
    for (Http.Response r : new Http.Response[] {wrong, unknown}) {
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.header("Content-Type")).startsWith("application/problem+json");
      assertThat(r.json().get("code").asString()).isEqualTo("auth.bad_credentials");
      assertThat(r.header("WWW-Authenticate")).startsWith("Basic");
    }
    assertThat(unknown.body()).isEqualTo(wrong.body());
  }

  @Test
  void securityRefusalsCarryTheirCodes() {
    Http anonymous = Http.anonymous(port);
    Http.Response none = anonymous.get("/api/pipelines");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.json().get("code").asString()).isEqualTo("auth.required");
    Http.Response page = anonymous.send(anonymous.builder("/api/pipelines")
        .header("X-Requested-With", "XMLHttpRequest"));
    assertThat(page.header("WWW-Authenticate")).as("no password dialog for the page").isNull();
    Http.Response role = anonymous.as("leader").post("/api/organisations", "{}");
    assertThat(role.status()).isEqualTo(403);
    assertThat(role.header("Content-Type")).startsWith("application/problem+json");
    assertThat(role.json().get("code").asString()).isEqualTo("auth.forbidden");
  }

  @Test
  void aMethodTheEndpointLacksIs405ProblemJson() {
    Http.Response r = Http.anonymous(port).as("planner").put("/api/communities", "{}", null);
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.json().get("code").asString()).isEqualTo("request.method");
    assertNothingInternal(r.body());
  }

  @Test
  void aBrowserNavigatingToAPageThatNeedsASignInIsSentToTheForm() {
    Http anonymous = Http.anonymous(port);
    Http.Response r = anonymous.send(anonymous.builder("/secret-page.html")
        .header("Accept", "text/html"));
    assertThat(r.status()).isEqualTo(302);
    assertThat(r.header("Location")).endsWith("/login.html");
  }

  @Test
  void malformedJsonNamesNoClass() {
    Http.Response r = Http.anonymous(port).as("admin").send(Http.anonymous(port).as("admin")
        .builder("/api/organisations").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"code\": [")));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("code").asString()).isNotBlank();
    assertNothingInternal(r.body());
  }

  @Test
  void aBodyOfTheWrongShapeNamesNoClass() {
    Http.Response r = Http.anonymous(port).as("admin").post("/api/users",
        "{\"username\": {\"a\": 1}, \"role\": [1]}");
    assertThat(r.status()).isEqualTo(400);
    assertNothingInternal(r.body());
  }

  @Test
  void detailsLoseServerFilesAndClassNames() {
    String tmp = System.getProperty("java.io.tmpdir").replaceAll("/+$", "");
    assertThat(ProblemResponses.scrub("bad " + tmp + "/jointworks-shp1/layer.prj: no CRS"))
        .isEqualTo("bad layer.prj: no CRS");
    assertThat(ProblemResponses.scrub("value of type `java.lang.String` from Object value"))
        .isEqualTo("value of type <type> from Object value");
    assertThat(ProblemResponses.scrub("POST /api/me/password at example.com"))
        .isEqualTo("POST /api/me/password at example.com");
  }

  static void assertNothingInternal(String answer) {
    assertThat(answer).doesNotContainIgnoringCase("<html")
        .doesNotContain("Tomcat").doesNotContain("org.").doesNotContain("java.")
        .doesNotContain("Exception").doesNotContain("/tmp").doesNotContain("\tat ")
        .doesNotContain("timestamp");
  }
}
