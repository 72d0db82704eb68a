package org.jointworks.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.jointworks.support.Browser;
import org.jointworks.support.ExternalTools;
import org.jointworks.support.Http;
import org.jointworks.support.NeedsTools;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 13's "both parties are notified in the map", in headless Chromium: gas submits a work
 * that digs the same street as water's in the same window, the authority's approval is refused
 * until its override is on record, then approved, and a county's plan holding both works is
 * submitted; then the bell of each party (gas, water) shows its unread count and lists the
 * messages (water the conflict, gas the approval, both the override and the plan) in Chinese,
 * the plan's scope and county by name (never a code or a key). The steps themselves go through
 * HTTP (their refusals are tested in PermitsContract).
 */
@NeedsTools({ExternalTools.CHROMIUM, ExternalTools.CHROMEDRIVER})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InboxBrowserTest {
  @LocalServerPort
  int port;
  Browser browser;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.close();
    }
  }

  private static long submitted(Http who, String utility, double dy) {
    String work = String.format(Locale.ROOT, "{\"type\":\"Feature\",\"geometry\":{\"type\":"
        + "\"LineString\",\"coordinates\":[[113.2,%1$.6f],[113.202,%1$.6f]]},\"properties\":{"
        + "\"utility\":\"%2$s\",\"owner\":\"%2$s\",\"kind\":\"replace\",\"start_date\":"
        + "\"2024-05-01\",\"end_date\":\"2024-05-20\"}}", 34.6 + dy, utility);
    Http.Response r = who.post("/api/works", work);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long id = r.json().get("id").asLong();
    Http.Response s = who.post("/api/works/" + id + "/submit", "{}");
    assertThat(s.status()).as(s.body()).isEqualTo(200);
    return id;
  }

  /** The bell's count and the list's sentences, as the user sees them. */
  private List<String> bell(String user, long unread) {
    browser = new Browser(port, 1280, 800);
    browser.signIn(user);
    browser.waitFor("const c = document.querySelector('#inbox-bell .count');"
        + " return c !== null && c.textContent === '" + unread + "'", 30);
    browser.click(By.id("inbox-bell"), 10);
    browser.waitFor("return document.querySelectorAll('#inbox-list li').length > 1", 20);
    @SuppressWarnings("unchecked")
    List<String> texts = (List<String>) browser.js("return [...document.querySelectorAll("
        + "'#inbox-list li')].map(li => li.firstChild.textContent)");
    browser.close();
    browser = null;
    return texts;
  }

  @Test
  void bothPartiesSeeTheConflictTheDecisionAndThePlanInTheirBell() {
    Http anonymous = Http.anonymous(port);
    Http gas = anonymous.as("gas");
    Http water = anonymous.as("water_supply");
    Http roads = anonymous.as("roads");
    Http admin = anonymous.as("admin");
    long waterWork = submitted(water, "water_supply", 0);
    long gasWork = submitted(gas, "gas", 0.00002);

    Http.Response refused = roads.post("/api/works/" + gasWork + "/approve", "{}");
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    Http.Response override = roads.post("/api/works/" + gasWork + "/resolutions",
        "{\"otherWorkId\":" + waterWork + ",\"kind\":\"override\",\"reason\":\"night works\"}");
    assertThat(override.status()).as(override.body()).isEqualTo(201);
    Http.Response approved = roads.post("/api/works/" + gasWork + "/approve", "{}");
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);

    Http.Response county = admin.post("/api/districts", "{\"type\":\"Feature\",\"geometry\":{"
        + "\"type\":\"Polygon\",\"coordinates\":[[[113.19,34.59],[113.21,34.59],[113.21,34.61],"
        + "[113.19,34.61],[113.19,34.59]]]},\"properties\":{\"code\":\"inboxc\",\"name\":"
        + "\"铃铛县\",\"name_en\":\"Bell County\"}}");
    assertThat(county.status()).as(county.body()).isEqualTo(201);
    Http.Response plan = anonymous.as("planner").post("/api/plan-versions",
        "{\"scope\":\"county\",\"ref\":\"inboxc\"}");
    assertThat(plan.status()).as(plan.body()).isEqualTo(201);

    long gasUnread = gas.get("/api/notifications/unread").json().get("unread").asLong();
    List<String> gasSees = bell("gas", gasUnread);
    // Gas caused the conflict (never told of its own step); water hears of it.
    assertThat(gasSees).noneMatch(t -> t.contains("冲突")).contains("施工 " + gasWork + " 已获批准",
        "主管部门准许施工 " + gasWork + " 与 " + waterWork + " 同期施工")
        .anyMatch(t -> t.startsWith("县区 铃铛县 的统筹施工计划"));

    long waterUnread = water.get("/api/notifications/unread").json().get("unread").asLong();
    List<String> waterSees = bell("water_supply", waterUnread);
    assertThat(waterSees).anyMatch(t -> t.startsWith("施工 " + gasWork + " 与您的施工 "
        + waterWork + " 冲突")).contains("主管部门准许施工 " + gasWork + " 与 " + waterWork
        + " 同期施工").anyMatch(t -> t.startsWith("县区 铃铛县 的统筹施工计划"));
    for (List<String> seen : List.of(gasSees, waterSees)) {
      for (String t : seen.subList(0, seen.size() - 1)) {
        assertThat(t).doesNotContain("county", "inboxc", "inbox.kind", "{");
      }
    }
    assertThat(gasUnread).isPositive();
    assertThat(waterUnread).isPositive();
  }
}
