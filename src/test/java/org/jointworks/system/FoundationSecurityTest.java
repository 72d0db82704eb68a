package org.jointworks.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.jointworks.support.Http;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every foundation endpoint's role rule, as a table: who asks, what, and the status that must come
 * back. Deny by default shows as 401/403 for paths no rule names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FoundationSecurityTest {
  @LocalServerPort
  int port;
  Http anonymous;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
  }

  @BeforeEach
  void client() {
    anonymous = Http.anonymous(port);
  }

  @ParameterizedTest(name = "{0} GET {1} -> {2}")
  @CsvSource({
      "-, /actuator/health, 200",
      "-, /api/districts, 200",
      "-, /api/communities, 200",
      "-, /api/works, 200",
      "-, /api/streets, 200",
      "-, /api/export/districts, 200",
      "-, /api/export/communities, 200",
      "-, /api/export/works, 200",
      "-, /api/pipelines, 401",
      "-, /api/facilities, 401",
      "-, /api/export/pipelines, 401",
      "-, /api/export/facilities, 401",
      "-, /api/organisations, 401",
      "-, /api/me, 401",
      "-, /api/audit, 401",
      "-, /api/anything-else, 401",
      "leader, /api/pipelines, 200",
      "leader, /api/export/facilities, 200",
      "leader, /api/organisations, 200",
      "gas, /api/export/pipelines, 200",
      "planner, /api/me, 200",
      "planner, /api/anything-else, 403"})
  void reads(String user, String path, int status) {
    Http client = user.equals("-") ? anonymous : anonymous.as(user);
    assertThat(client.get(path).status()).isEqualTo(status);
  }

  @ParameterizedTest(name = "{0} POST {1} -> {2}")
  @CsvSource({
      "-, /api/import/communities, 401",
      "leader, /api/import/communities, 403",
      "gas, /api/import/communities, 403",
      "planner, /api/import/pipelines, 403",
      "planner, /api/import/works, 403",
      "planner, /api/import/communities, 200",
      "planner, /api/import/districts, 200",
      "planner, /api/import/facilities, 200",
      "gas, /api/import/works, 200",
      "gas, /api/import/pipelines, 200",
      "admin, /api/import/pipelines, 200",
      "-, /api/organisations, 401",
      "planner, /api/organisations, 403",
      "gas, /api/organisations, 403"})
  void writes(String user, String path, int status) {
    Http client = user.equals("-") ? anonymous : anonymous.as(user);
    String body = path.contains("import") ? "{\"type\":\"FeatureCollection\",\"features\":[]}"
        : "{\"code\":\"x_org\",\"name\":\"X\"}";
    assertThat(client.post(path, body).status()).isEqualTo(status);
  }

  @Test
  void adminRegistersOrganisationsOnceAndRefusesBadCodes() {
    Http admin = anonymous.as("admin");
    assertThat(admin.post("/api/organisations",
        "{\"code\":\"cnc_telecom\",\"name\":\"示例联通\",\"utility\":\"telecom\"}").status())
        .isEqualTo(201);
    assertThat(admin.post("/api/organisations",
        "{\"code\":\"cnc_telecom\",\"name\":\"again\"}").status()).isEqualTo(409);
    assertThat(admin.post("/api/organisations", "{\"code\":\"Bad Code\",\"name\":\"x\"}")
        .status()).isEqualTo(422);
    assertThat(admin.post("/api/organisations", "{\"code\":\"ok_code\",\"name\":\"x\","
        + "\"utility\":\"steam\"}").status()).isEqualTo(422);
    assertThat(anonymous.as("leader").get("/api/organisations").body()).contains("cnc_telecom");
  }

  @Test
  void wrongPasswordsAreRefused() {
    assertThat(anonymous.as("admin", "wrong").get("/api/me").status()).isEqualTo(401);
  }

  @Test
  void meNamesTheRoleAndTheUtilitysOrganisation() {
    var me = anonymous.as("heating").get("/api/me").json();
    assertThat(me.get("role").asString()).isEqualTo("UTILITY");
    assertThat(me.get("organisation").asString()).isEqualTo("heating");
  }

  @Test
  void anImportLargerThanTheLimitAnswers413BeforeReadingIt() throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      OutputStream out = s.getOutputStream();
      String auth = java.util.Base64.getEncoder().encodeToString("admin:demo".getBytes());
      out.write(("POST /api/import/communities HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Authorization: Basic " + auth + "\r\nContent-Type: application/json\r\n"
          + "Content-Length: 300000000\r\nConnection: close\r\n\r\n{\"type\":")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      assertThat(status).isEqualTo("HTTP/1.1 413");
    }
  }
}
