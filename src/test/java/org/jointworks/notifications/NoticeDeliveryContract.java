package org.jointworks.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.jointworks.support.Http;
import org.jointworks.support.ProgrammeFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Notices beyond the inbox, through HTTP on a real store with the business date fixed at
 * 2023-11-15 ({@code jointworks.clock.date}) and mail on, to an in-process SMTP server: users'
 * addresses, mail after the commit with retries, mail never failing the write, and the overdue
 * job's notices sent once per item and milestone.
 */
abstract class NoticeDeliveryContract {
  static final TinySmtpServer SMTP = new TinySmtpServer();
  private static final AtomicInteger SEQ = new AtomicInteger();

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  Http anonymous;
  Http admin;

  static void settings(DynamicPropertyRegistry registry) {
    registry.add("jointworks.clock.date", () -> "2023-11-15");
    registry.add("jointworks.notifications.smtp.enabled", () -> "true");
    registry.add("jointworks.notifications.smtp.port", () -> Integer.toString(SMTP.port()));
    registry.add("jointworks.notifications.smtp.retry-delay", () -> "100ms");
    registry.add("jointworks.notifications.smtp.timeout", () -> "5s");
    registry.add("jointworks.notifications.overdue.enabled", () -> "false");
  }

  @BeforeEach
  void clients() {
    anonymous = Http.anonymous(port);
    admin = anonymous.as("admin");
  }

  private String address(String user) {
    return String.format(Locale.ROOT, "%s.%d.%d@example.test", user, port, SEQ.incrementAndGet());
  }

  private List<TinySmtpServer.Received> mailTo(String address, int atLeast) throws Exception {
    for (int i = 0; i < 100; i++) {
      List<TinySmtpServer.Received> got = SMTP.received().stream()
          .filter(r -> r.to().equals(address)).toList();
      if (got.size() >= atLeast) {
        return got;
      }
      Thread.sleep(100);
    }
    return SMTP.received().stream().filter(r -> r.to().equals(address)).toList();
  }

  private long submittedWork(Http gas, double x) {
    String work = String.format(Locale.ROOT, "{\"type\":\"Feature\",\"geometry\":{\"type\":"
        + "\"LineString\",\"coordinates\":[[%.6f,34.5],[%.6f,34.5]]},\"properties\":{"
        + "\"utility\":\"gas\",\"owner\":\"gas\",\"kind\":\"replace\",\"start_date\":"
        + "\"2024-05-01\",\"end_date\":\"2024-05-20\"}}", 113.0 + x, 113.0005 + x);
    Http.Response r = gas.post("/api/works", work);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long id = r.json().get("id").asLong();
    Http.Response s = gas.post("/api/works/" + id + "/submit", "{}");
    assertThat(s.status()).as(s.body()).isEqualTo(200);
    return id;
  }

  @Test
  void usersKeepTheirOwnAddressAndAdminAnyones() {
    Http gas = anonymous.as("gas");
    assertThat(anonymous.put("/api/me/email", "{\"email\":\"a@b.test\"}", null).status())
        .isEqualTo(401);
    Http.Response bad = gas.put("/api/me/email", "{\"email\":\"gas@x.test\\r\\nRCPT TO:<e@v.il>\"}",
        null);
    assertThat(bad.status()).as(bad.body()).isEqualTo(422);
    assertThat(bad.json().get("code").asString()).isEqualTo("mail.address");
    String mine = address("gas");
    assertThat(gas.put("/api/me/email", "{\"email\":\"" + mine + "\"}", null).status())
        .isEqualTo(200);
    assertThat(gas.get("/api/me/email").json().get("email").asString()).isEqualTo(mine);
    assertThat(gas.put("/api/users/water_supply/email", "{\"email\":\"w@x.test\"}", null)
        .status()).isEqualTo(403);
    assertThat(gas.get("/api/users/water_supply/email").status()).isEqualTo(403);
    String water = address("water");
    assertThat(admin.put("/api/users/water_supply/email", "{\"email\":\"" + water + "\"}", null)
        .status()).isEqualTo(200);
    assertThat(admin.get("/api/users/water_supply/email").json().get("email").asString())
        .isEqualTo(water);
    assertThat(admin.get("/api/users/nobody/email").status()).isEqualTo(404);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'email'"
        + " AND after_json LIKE ?", Long.class, "%" + water + "%")).isEqualTo(1);
  }

  @Test
  void aCommittedNoticeIsMailedAndARelayDownForAWhileIsRetried() throws Exception {
    String roads = address("roads");
    admin.put("/api/users/roads/email", "{\"email\":\"" + roads + "\"}", null);
    long id = submittedWork(anonymous.as("gas"), 0.01);
    List<TinySmtpServer.Received> got = mailTo(roads, 1);
    assertThat(got).hasSize(1);
    assertThat(got.get(0).subject()).contains("applies for work " + id);
    assertThat(got.get(0).body()).contains("permit.requested");

    SMTP.failNext(2);
    long second = submittedWork(anonymous.as("gas"), 0.02);
    got = mailTo(roads, 2);
    assertThat(got).hasSize(2);
    assertThat(got.get(1).subject()).contains("applies for work " + second);
  }

  @Test
  void aRelayThatRefusesEverythingNeverFailsTheWrite() throws Exception {
    String roads = address("roads");
    admin.put("/api/users/roads/email", "{\"email\":\"" + roads + "\"}", null);
    SMTP.failNext(3);
    long id = submittedWork(anonymous.as("gas"), 0.03);
    assertThat(admin.get("/api/works/" + id).json().at("/properties/status").asString())
        .isEqualTo("submitted");
    Thread.sleep(1500);
    assertThat(mailTo(roads, 1)).isEmpty();
    SMTP.failNext(0);
    // A refused step tells nobody, so mails nobody.
    int before = SMTP.received().size();
    assertThat(anonymous.as("gas").post("/api/works/" + id + "/approve", "{}").status())
        .isEqualTo(403);
    Thread.sleep(300);
    assertThat(SMTP.received()).hasSize(before);
  }

  @Test
  void overdueProjectsAndReportsAreToldOncePerMilestone() throws Exception {
    assertThat(anonymous.post("/api/notifications/overdue/run", "{}").status()).isEqualTo(401);
    assertThat(anonymous.as("planner").post("/api/notifications/overdue/run", "{}").status())
        .isEqualTo(403);
    String officer = address("weibin_officer");
    admin.put("/api/users/weibin_officer/email", "{\"email\":\"" + officer + "\"}", null);
    JsonNode project = ProgrammeFixtures.project(admin, anonymous.as("planner"), "weibin", 40);
    long id = project.get("id").asLong();

    Http.Response run = admin.post("/api/notifications/overdue/run", "{}");
    assertThat(run.status()).as(run.body()).isEqualTo(200);
    assertThat(run.json().get("sent").asInt()).isPositive();
    List<String> milestones = jdbc.queryForList("SELECT milestone FROM overdue_notices"
        + " WHERE item_kind = 'project' AND item_ref = ? ORDER BY milestone", String.class,
        Long.toString(id));
    assertThat(milestones).containsExactly("completed", "started");
    JsonNode inbox = anonymous.as("weibin_officer").get("/api/notifications?limit=200").json();
    assertThat(inbox.get("messages").findValuesAsString("kind"))
        .contains("project.overdue.started", "project.overdue.completed", "report.overdue");
    // Every month of 2023 due before 11-15 (03-10 … 11-10) has no report from weibin.
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM overdue_notices WHERE item_kind ="
        + " 'report' AND item_ref = 'weibin'", Long.class)).isEqualTo(9);
    assertThat(mailTo(officer, 1)).isNotEmpty();

    // Again (a restart, or the other instance): nothing more is sent.
    long inboxBefore = jdbc.queryForObject("SELECT COUNT(*) FROM notifications", Long.class);
    assertThat(admin.post("/api/notifications/overdue/run", "{}").json().get("sent").asInt())
        .isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notifications", Long.class))
        .isEqualTo(inboxBefore);
    // The store itself refuses a second record of one item and milestone.
    assertThatThrownBy(() -> jdbc.update("INSERT INTO overdue_notices (item_kind, item_ref,"
        + " milestone, due_on, notified_at) VALUES ('project', ?, 'started', DATE '2023-03-31',"
        + " CURRENT_TIMESTAMP)", Long.toString(id))).isInstanceOf(DuplicateKeyException.class);
  }
}
