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
    admin.put("/api/users/roads/email", "{\"email\":\"" + roads + "\",\"lang\":\"zh-CN\"}",
        null);
    long id = submittedWork(anonymous.as("gas"), 0.01);
    List<TinySmtpServer.Received> got = mailTo(roads, 1);
    assertThat(got).hasSize(1);
    assertThat(got.get(0).subject()).isEqualTo("【JointWorks】施工 " + id + " 提交了占道挖掘申请");
    assertThat(got.get(0).body()).startsWith("施工 " + id + " 提交了占道挖掘申请")
        .doesNotContain("permit.requested");

    SMTP.failNext(2);
    long second = submittedWork(anonymous.as("gas"), 0.02);
    got = mailTo(roads, 2);
    assertThat(got).hasSize(2);
    assertThat(got.get(1).subject()).contains("施工 " + second + " ");
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

  /** A county of its own around (113 + x, 34.5), named in both languages. */
  private String county(double x, String name, String nameEn) {
    String code = "mail" + Math.round(x * 1000);
    String ring = String.format(Locale.ROOT, "[[%1$.6f,34.49],[%2$.6f,34.49],[%2$.6f,34.51],"
        + "[%1$.6f,34.51],[%1$.6f,34.49]]", 113.0 + x - 0.005, 113.0 + x + 0.005);
    Http.Response r = admin.post("/api/districts", "{\"type\":\"Feature\",\"geometry\":{"
        + "\"type\":\"Polygon\",\"coordinates\":[" + ring + "]},\"properties\":{\"code\":\""
        + code + "\",\"name\":\"" + name + "\",\"name_en\":\"" + nameEn + "\"}}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return code;
  }

  /** No i18n key, placeholder, notice kind or code left in a mail's text. */
  private static void readable(TinySmtpServer.Received mail, String... codes) {
    for (String text : List.of(mail.subject(), mail.body())) {
      assertThat(text).as(text).doesNotContainPattern("[a-z_]+\\.[a-z_]+\\.[a-z_]+")
          .doesNotContain("{", "}", "inbox.", "mail.", "permit.", "plan.", "linked_area")
          .doesNotContain(codes);
    }
  }

  @Test
  void mailsSpeakTheirReadersLanguageAndNameWhatTheyMention() throws Exception {
    // Chinese unless the user says otherwise; only zh-CN or en, and a refused change stores
    // nothing (not even the address given with it).
    assertThat(admin.get("/api/users/planner/email").json().get("lang").asString())
        .isEqualTo("zh-CN");
    Http gas = anonymous.as("gas");
    String gasMail = address("gas");
    Http.Response fr = gas.put("/api/me/email", "{\"email\":\"" + gasMail
        + "\",\"lang\":\"fr\"}", null);
    assertThat(fr.status()).as(fr.body()).isEqualTo(422);
    assertThat(fr.json().get("code").asString()).isEqualTo("mail.lang");
    assertThat(String.valueOf(gas.get("/api/me/email").json().get("email")))
        .doesNotContain(gasMail);
    assertThat(gas.put("/api/me/email", "{\"email\":\"" + gasMail + "\",\"lang\":\"zh-CN\"}",
        null).json().get("lang").asString()).isEqualTo("zh-CN");
    String roads = address("roads");
    Http.Response en = admin.put("/api/users/roads/email", "{\"email\":\"" + roads
        + "\",\"lang\":\"en\"}", null);
    assertThat(en.json().get("lang").asString()).as(en.body()).isEqualTo("en");
    // Setting only the address keeps the language.
    assertThat(admin.put("/api/users/roads/email", "{\"email\":\"" + roads + "\"}", null)
        .json().get("lang").asString()).isEqualTo("en");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'email'"
        + " AND after_json LIKE ?", Long.class, "%" + roads + "%\"lang\":\"en\"%"))
        .isEqualTo(2);

    String code = county(0.06, "邮件县", "Mail County");
    long work = submittedWork(gas, 0.06);
    Http.Response plan = anonymous.as("planner").post("/api/plan-versions",
        "{\"scope\":\"county\",\"ref\":\"" + code + "\"}");
    assertThat(plan.status()).as(plan.body()).isEqualTo(201);
    long version = plan.json().get("versionNo").asLong();

    // The authority (English): the permit request and the plan, by the county's English name.
    List<TinySmtpServer.Received> toRoads = mailTo(roads, 2);
    assertThat(toRoads).extracting(TinySmtpServer.Received::subject).containsExactlyInAnyOrder(
        "[JointWorks] Work " + work + " applies for a permit",
        "[JointWorks] The construction plan of county Mail County (version " + version
            + ", 1 works) awaits approval");
    for (TinySmtpServer.Received m : toRoads) {
      assertThat(m.body()).contains("Open JointWorks").doesNotContainPattern("\\p{IsHan}");
      readable(m, code);
    }
    // The utility (Chinese): the plan its work is in, by the county's Chinese name.
    List<TinySmtpServer.Received> toGas = mailTo(gasMail, 1);
    assertThat(toGas).hasSize(1);
    assertThat(toGas.get(0).subject()).isEqualTo("【JointWorks】县区 邮件县 的统筹施工计划（第 "
        + version + " 版，1 项施工）待审批");
    assertThat(toGas.get(0).body()).startsWith("县区 邮件县 的统筹施工计划").contains("请登录")
        .doesNotContain("county", "Work ", "approval", "construction");
    readable(toGas.get(0), code);
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
