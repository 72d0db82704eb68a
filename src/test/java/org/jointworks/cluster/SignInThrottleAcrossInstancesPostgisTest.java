package org.jointworks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jointworks.support.Http;
import org.jointworks.support.PostgisDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The sign-in throttle across two instances on one PostGIS (decision 71): failures of one account
 * or from one address spread over both instances add up, so an attacker gets the budget of one
 * instance, not two; failures counted at once on both are all counted; forgotten counts are
 * deleted. Throttles after 3 failures per account and 6 per address, 3 s doubling to 5 s,
 * forgotten after 6 s; forwarded addresses trusted, so each test speaks from its own.
 */
@EnabledIfEnvironmentVariable(named = PostgisDatabase.URL_VARIABLE, matches = ".+")
class SignInThrottleAcrossInstancesPostgisTest {
  private static String url;
  private static Instances instances;

  @BeforeAll
  static void start() {
    url = PostgisDatabase.freshSchemaUrl("throttle");
    instances = new Instances(url, 2, "jointworks.signin.account-failures=3",
        "jointworks.signin.address-failures=6", "jointworks.signin.first-delay=3s",
        "jointworks.signin.max-delay=5s", "jointworks.signin.forget-after=6s",
        "server.forward-headers-strategy=native");
  }

  @AfterAll
  static void stop() {
    if (instances != null) {
      instances.close();
    }
  }

  private static int basic(int instance, String user, String password, String address) {
    Http client = instances.http(instance).as(user, password);
    return client.send(client.builder("/api/me").header("X-Forwarded-For", address)).status();
  }

  @Test
  void anAccountsFailuresOnBothInstancesAddUp() {
    assertThat(basic(0, "planner", "wrong", "10.30.0.1")).isEqualTo(401);
    assertThat(basic(1, "planner", "wrong", "10.30.0.2")).isEqualTo(401);
    assertThat(basic(0, "Planner ", "wrong", "10.30.0.3")).isEqualTo(401);
    // Each instance saw fewer than 3; together they saw 3: throttled on both, right password too.
    assertThat(basic(1, "planner", "demo", "10.30.0.4")).isEqualTo(429);
    assertThat(basic(0, "planner", "demo", "10.30.0.5")).isEqualTo(429);
  }

  @Test
  void anAddressGuessingOnBothInstancesIsThrottled() {
    for (int i = 0; i < 6; i++) {
      assertThat(basic(i % 2, "guess_" + i, "wrong", "10.31.0.1")).isEqualTo(401);
    }
    assertThat(basic(0, "drainage", "demo", "10.31.0.1")).isEqualTo(429);
    assertThat(basic(1, "drainage", "demo", "10.31.0.1")).isEqualTo(429);
    assertThat(basic(1, "drainage", "demo", "10.31.0.2")).isEqualTo(200);
  }

  @Test
  void failuresCountedAtOnceOnBothInstancesAreAllCounted() throws Exception {
    // Each from an address of its own, so only the account's count is shared.
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      int n = i;
      answers.add(pool.submit(() -> basic(n % 2, "heating", "wrong", "10.32.0." + (n + 1))));
    }
    int refused = 0;
    int throttled = 0;
    for (Future<Integer> a : answers) {
      int status = a.get();
      assertThat(status).isIn(401, 429);
      refused += status == 401 ? 1 : 0;
      throttled += status == 429 ? 1 : 0;
    }
    pool.shutdown();
    // Every attempt that was judged (401) is counted once, none lost to a race; the rest waited.
    assertThat(failures("a", "heating")).isEqualTo(refused);
    assertThat(refused).isGreaterThanOrEqualTo(3);
    assertThat(refused + throttled).isEqualTo(16);
    assertThat(basic(0, "heating", "demo", "10.32.1.1")).isEqualTo(429);
  }

  @Test
  void forgottenCountsAreDeleted() throws Exception {
    assertThat(basic(1, "telecom", "wrong", "10.33.0.1")).isEqualTo(401);
    assertThat(failures("a", "telecom")).isEqualTo(1);
    Thread.sleep(6_500);
    // The next failure on that instance purges what was forgotten (at most every 6 s here).
    assertThat(basic(1, "power", "wrong", "10.33.0.2")).isEqualTo(401);
    assertThat(failures("a", "telecom")).isZero();
    assertThat(failures("d", "10.33.0.1")).isZero();
    assertThat(failures("a", "power")).isEqualTo(1);
  }

  /** The stored count of a key; 0 when it has no row. */
  private static int failures(String kind, String key) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement s = c.prepareStatement(
            "SELECT failures FROM signin_failures WHERE kind = ? AND key = ?")) {
      s.setString(1, kind);
      s.setString(2, key);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getInt(1) : 0;
      }
    }
  }
}
