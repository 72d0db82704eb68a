package org.jointworks.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.jointworks.support.Http;
import org.jointworks.support.SecuredService;
import org.jointworks.support.SessionClient;
import org.jointworks.system.Role;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Accounts through HTTP (issue 17): ADMIN creates, edits and disables users; a forced first
 * password change; the password policy; a disabled user refused at once even with a live
 * session; every change audited; ADMIN only. Subclasses run it on H2GIS and PostGIS.
 */
abstract class AccountsContract extends SecuredService {
  static final String GOOD = "kettle-harbour-orchid-7";

  @Autowired
  JdbcTemplate jdbc;

  Http admin() {
    return Http.anonymous(port).as("admin");
  }

  Http.Response create(String username, String role, String extra) {
    return admin().post("/api/users", "{\"username\":\"" + username + "\",\"password\":\""
        + GOOD + "\",\"role\":\"" + role + "\"" + extra + "}");
  }

  @Test
  void aNewUserMustChooseAPasswordBeforeAnythingElse() {
    Http.Response created = create("anna", "PLANNER", "");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("ETag")).isEqualTo("\"0\"");
    assertThat(created.json().get("mustChangePassword").asBoolean()).isTrue();
    assertThat(created.body()).doesNotContain("$2").doesNotContain(GOOD);

    Http anna = Http.anonymous(port).as("anna", GOOD);
    assertThat(anna.get("/api/me").json().get("mustChangePassword").asBoolean()).isTrue();
    Http.Response blocked = anna.get("/api/pipelines");
    assertThat(blocked.status()).isEqualTo(403);
    assertThat(blocked.json().get("code").asString()).isEqualTo("auth.password_change_required");

    assertThat(anna.post("/api/me/password", "{\"currentPassword\":\"nope\",\"newPassword\":\""
        + "lantern-meadow-copper-3\"}").json().get("code").asString())
        .isEqualTo("password.current_wrong");
    Http.Response weak = anna.post("/api/me/password", "{\"currentPassword\":\"" + GOOD
        + "\",\"newPassword\":\"Password2024!\"}");
    assertThat(weak.status()).isEqualTo(422);
    assertThat(weak.json().get("code").asString()).isEqualTo("password.common");
    assertThat(anna.post("/api/me/password", "{\"currentPassword\":\"" + GOOD
        + "\",\"newPassword\":\"lantern-meadow-copper-3\"}").status()).isEqualTo(204);

    Http renewed = Http.anonymous(port).as("anna", "lantern-meadow-copper-3");
    assertThat(renewed.get("/api/pipelines").status()).isEqualTo(200);
    assertThat(renewed.get("/api/me").json().get("mustChangePassword").asBoolean()).isFalse();
    Http old = Http.anonymous(port).as("anna", GOOD);
    assertThat(old.send(old.builder("/api/me").header("X-Forwarded-For", "10.30.0.1")).status())
        .isEqualTo(401);
  }

  @Test
  void thePolicyRefusesWeakPasswords() {
    String[][] cases = {
        {"short-1", "password.too_short"},
        {"qwertyuiop123", "password.common"},
        {"Password2024!!", "password.common"},
        {"iloveyou!!!!", "password.common"},
        {"weak_carla_carla_2024", "password.contains_username"},
        {"x".repeat(129), "password.too_long"}};
    for (String[] c : cases) {
      Http.Response r = admin().post("/api/users", "{\"username\":\"carla\",\"password\":\""
          + c[0] + "\",\"role\":\"LEADER\"}");
      assertThat(r.status()).as(c[0]).isEqualTo(422);
      assertThat(r.json().get("code").asString()).as(c[0]).isEqualTo(c[1]);
    }
    assertThat(admin().get("/api/users/carla").status()).isEqualTo(404);
  }

  @Test
  void eachRoleGetsTheScopeItNeeds() {
    assertThat(create("dora", "UTILITY", "").json().get("code").asString())
        .isEqualTo("account.organisation_required");
    assertThat(create("dora", "UTILITY", ",\"organisation\":\"steam\"").json().get("code")
        .asString()).isEqualTo("account.organisation_unknown");
    assertThat(create("dora", "PLANNER", ",\"county\":\"weibin\"").json().get("code").asString())
        .isEqualTo("account.county_not_allowed");
    Http.Response unknownRole = create("dora", "EMPEROR", "");
    assertThat(unknownRole.json().get("code").asString()).isEqualTo("account.role_unknown");
    assertThat(unknownRole.json().get("args").get("allowed").toString()).contains("ADMIN");
    assertThat(create("dora", "UTILITY", ",\"organisation\":\"gas\"").status()).isEqualTo(201);
    assertThat(create("dora", "LEADER", "").json().get("code").asString())
        .isEqualTo("account.exists");
    assertThat(create("bad name", "LEADER", "").json().get("code").asString())
        .isEqualTo("account.username");
    assertThat(admin().get("/api/roles").json().size()).isEqualTo(Role.values().length);
  }

  @Test
  void aCountyRoleStoresItsCountyAsADistrictCode() {
    Role county = Arrays.stream(Role.values()).filter(AccountRules::countyScoped).findFirst()
        .orElse(null);
    Assumptions.assumeTrue(county != null, "no county-scoped role in Role yet");
    assertThat(create("erin", county.name(), "").json().get("code").asString())
        .isEqualTo("account.county_required");
    assertThat(create("erin", county.name(), ",\"county\":\"atlantis\"").json().get("code")
        .asString()).isEqualTo("account.county_unknown");
    Http.Response ok = create("erin", county.name(), ",\"county\":\"weibin\"");
    assertThat(ok.status()).isEqualTo(201);
    assertThat(ok.json().get("county").asString()).isEqualTo("weibin");
  }

  @Test
  void aDisabledUserIsRefusedAtOnceEvenWithALiveSession() {
    create("frank", "LEADER", ",\"mustChangePassword\":false");
    var browser = new SessionClient(port);
    assertThat(browser.signIn("frank", GOOD).status()).isEqualTo(200);
    assertThat(browser.get("/api/pipelines").status()).isEqualTo(200);

    String etag = admin().get("/api/users/frank").header("ETag");
    Http.Response disabled = admin().put("/api/users/frank",
        "{\"role\":\"LEADER\",\"enabled\":false}", etag);
    assertThat(disabled.status()).isEqualTo(200);
    assertThat(disabled.json().get("enabled").asBoolean()).isFalse();

    Http.Response live = browser.get("/api/pipelines");
    assertThat(live.status()).isEqualTo(401);
    assertThat(live.json().get("code").asString()).isEqualTo("auth.session_ended");
    Http frank = Http.anonymous(port).as("frank", GOOD);
    Http.Response basic = frank.send(frank.builder("/api/me").header("X-Forwarded-For",
        "10.31.0.1"));
    assertThat(basic.status()).isEqualTo(401);
    assertThat(basic.json().get("code").asString()).isEqualTo("auth.bad_credentials");
  }

  @Test
  void editsNeedTheCurrentVersion() {
    create("gina", "LEADER", "");
    assertThat(admin().put("/api/users/gina", "{\"role\":\"PLANNER\"}", null).status())
        .isEqualTo(428);
    assertThat(admin().put("/api/users/gina", "{\"role\":\"PLANNER\"}", "\"7\"").status())
        .isEqualTo(412);
    Http.Response ok = admin().put("/api/users/gina", "{\"role\":\"PLANNER\"}", "\"0\"");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.header("ETag")).isEqualTo("\"1\"");
    assertThat(ok.json().get("role").asString()).isEqualTo("PLANNER");
  }

  @Test
  void theLastAdminCannotBeDisabled() {
    String etag = admin().get("/api/users/admin").header("ETag");
    Http.Response r = admin().put("/api/users/admin", "{\"role\":\"ADMIN\",\"enabled\":false}",
        etag);
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().get("code").asString()).isEqualTo("account.last_admin");
  }

  @Test
  void everyAccountChangeIsAuditedWithoutTheHash() {
    create("hugo", "LEADER", "");
    admin().put("/api/users/hugo", "{\"role\":\"LEADER\",\"password\":\"granite-willow-5-sky\"}",
        "\"0\"");
    var rows = jdbc.queryForList("SELECT actor, action, after_json FROM audit_log"
        + " WHERE subject = 'app_users' AND after_json LIKE '%\"hugo\"%' ORDER BY id");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("ACTION").toString()).isEqualTo("create");
    assertThat(rows.get(1).get("AFTER_JSON").toString()).contains("passwordChanged");
    assertThat(rows.toString()).contains("admin").doesNotContain("$2").doesNotContain("granite");
  }

  @Test
  void onlyAdminManagesAccounts() {
    Http planner = Http.anonymous(port).as("planner");
    assertThat(planner.get("/api/users").status()).isEqualTo(403);
    assertThat(planner.post("/api/users", "{}").status()).isEqualTo(403);
    assertThat(planner.put("/api/users/planner", "{}", "\"0\"").status()).isEqualTo(403);
    assertThat(planner.get("/api/roles").status()).isEqualTo(403);
    assertThat(Http.anonymous(port).get("/api/users").status()).isEqualTo(401);
    assertThat(Http.anonymous(port).post("/api/me/password", "{}").status()).isEqualTo(401);
    assertThat(admin().get("/api/users").json().toString()).contains("planner")
        .doesNotContain("password");
    // The sign-in log is in this store too.
    assertThat(admin().get("/api/sign-ins?limit=5").json().size()).isPositive();
  }

}
