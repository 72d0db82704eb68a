package org.jointworks.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * {@link SignInThrottle}'s rule with the counts in PostgreSQL ({@code signin_failures}), so every
 * instance on one store counts the same failures: an attacker spreading guesses over N
 * instances gets the budget of one, and a restart forgets nothing (decision 71).
 *
 * <p>A failure is one atomic upsert that adds 1 to the key's row (or starts it at 1 when the row
 * was already forgotten) and returns the new count; the throttle's end is then raised with
 * {@code GREATEST}, so two instances counting the same key at once both count and the later end
 * wins. Times are this instance's clock in epoch milliseconds.
 *
 * <p>Bounded growth: a row is forgotten {@code forgetAfter} after its last failure; expired rows
 * are deleted by the failure path at most once per {@code min(forgetAfter, 1 min)} per instance,
 * so the table holds the keys that failed within about the last {@code forgetAfter}. Every
 * statement is autocommitted on its own (authentication runs outside any transaction).
 * Thread-safe.
 */
final class SharedSignInThrottle implements FailureCounts {
  static final String ACCOUNT = "a";
  static final String ADDRESS = "d";
  private static final long PURGE_MILLIS = 60_000;
  /** Longer keys (a typed user name has no length limit) are stored as their SHA-256. */
  private static final int LONGEST_KEY = 200;

  private final NamedParameterJdbcTemplate jdbc;
  private final SignInProperties settings;
  private final Clock clock;
  private final long purgeEvery;
  private final AtomicLong lastPurge = new AtomicLong();

  SharedSignInThrottle(NamedParameterJdbcTemplate jdbc, SignInProperties settings, Clock clock) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.clock = clock;
    this.purgeEvery = Math.min(PURGE_MILLIS, settings.forgetAfter().toMillis());
  }

  @Override
  public long retryAfterSeconds(String username, String address) {
    long now = clock.millis();
    Long until = jdbc.queryForObject("""
        SELECT MAX(locked_until) FROM signin_failures
        WHERE forget_at > :now AND ((kind = :account AND key = :accountKey)
                                    OR (kind = :address AND key = :addressKey))""",
        Map.of("now", now, "account", ACCOUNT, "accountKey", account(username),
            "address", ADDRESS, "addressKey", stored(address)), Long.class);
    return until == null || until <= now ? 0 : Math.max(1, (until - now + 999) / 1000);
  }

  @Override
  public void failed(String username, String address) {
    long now = clock.millis();
    count(ACCOUNT, account(username), settings.accountFailures(), now);
    count(ADDRESS, stored(address), settings.addressFailures(), now);
    purgeExpired(now);
  }

  @Override
  public void succeeded(String username) {
    jdbc.update("DELETE FROM signin_failures WHERE kind = :kind AND key = :key",
        Map.of("kind", ACCOUNT, "key", account(username)));
  }

  private void count(String kind, String key, int threshold, long now) {
    Map<String, Object> p = Map.of("kind", kind, "key", key, "now", now,
        "forgetAt", now + settings.forgetAfter().toMillis());
    Integer failures = jdbc.queryForObject("""
        INSERT INTO signin_failures (kind, key, failures, locked_until, forget_at)
        VALUES (:kind, :key, 1, 0, :forgetAt)
        ON CONFLICT (kind, key) DO UPDATE SET
          failures = CASE WHEN signin_failures.forget_at <= :now THEN 1
                          ELSE signin_failures.failures + 1 END,
          locked_until = CASE WHEN signin_failures.forget_at <= :now THEN 0
                              ELSE signin_failures.locked_until END,
          forget_at = :forgetAt
        RETURNING failures""", p, Integer.class);
    long delay = FailureCounts.delayMillis(settings, failures, threshold);
    if (delay > 0) {
      jdbc.update("""
          UPDATE signin_failures SET locked_until = GREATEST(locked_until, :until)
          WHERE kind = :kind AND key = :key""",
          Map.of("kind", kind, "key", key, "until", now + delay));
    }
  }

  /** Deletes forgotten rows, at most once per {@code purgeEvery} on this instance. */
  private void purgeExpired(long now) {
    long last = lastPurge.get();
    if (now - last >= purgeEvery && lastPurge.compareAndSet(last, now)) {
      jdbc.update("DELETE FROM signin_failures WHERE forget_at <= :now", Map.of("now", now));
    }
  }

  private static String account(String username) {
    return stored(FailureCounts.accountKey(username));
  }

  /** The key as stored: itself, or {@code sha256:} and its hash when longer than the column. */
  static String stored(String key) {
    if (key == null) {
      return "";
    }
    if (key.length() <= LONGEST_KEY) {
      return key;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(key.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
