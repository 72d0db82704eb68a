package org.jointworks.signin;

import java.time.Clock;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Counts failed sign-ins per account and per client address and says how long each must wait.
 *
 * <p>Rule: after {@code n} failures of a key (n ≥ the key's threshold) the key is throttled for
 * {@code firstDelay · 2^(n − threshold)}, capped at {@code maxDelay}. While throttled, every
 * attempt is refused before the password is checked — a right password does not lift it early —
 * and is not counted. A success after the throttle ends clears the account's count, never the
 * address's (one valid account must not reset an address that is guessing others). Counts are
 * forgotten {@code forgetAfter} after their last failure. Unknown accounts are counted like real
 * ones, so the answers never tell which exist.
 *
 * <p>Limits: the counts live in this instance's memory (bounded to 100,000 keys of each kind),
 * and a restart forgets them. It serves the embedded store, which one instance owns; on PostGIS,
 * where several instances share the store, {@link SharedSignInThrottle} keeps the counts there.
 * Thread-safe: each key's counter is updated under its own lock.
 */
final class SignInThrottle implements FailureCounts {
  private final SignInProperties settings;
  private final Clock clock;
  private final Cache<String, Counter> accounts;
  private final Cache<String, Counter> addresses;

  /** A key's failures and the instant (ms) its throttle ends. Guarded by itself. */
  private static final class Counter {
    int failures;
    long lockedUntil;
  }

  SignInThrottle(SignInProperties settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.accounts = Caffeine.newBuilder().maximumSize(100_000)
        .expireAfterWrite(settings.forgetAfter()).build();
    this.addresses = Caffeine.newBuilder().maximumSize(100_000)
        .expireAfterWrite(settings.forgetAfter()).build();
  }

  @Override
  public long retryAfterSeconds(String username, String address) {
    long now = clock.millis();
    long until = Math.max(lockedUntil(accounts, accountKey(username)),
        lockedUntil(addresses, address));
    return until <= now ? 0 : Math.max(1, (until - now + 999) / 1000);
  }

  @Override
  public void failed(String username, String address) {
    count(accounts, accountKey(username), settings.accountFailures());
    count(addresses, address, settings.addressFailures());
  }

  @Override
  public void succeeded(String username) {
    accounts.invalidate(accountKey(username));
  }

  private long lockedUntil(Cache<String, Counter> counters, String key) {
    Counter c = counters.getIfPresent(key);
    if (c == null) {
      return 0;
    }
    synchronized (c) {
      return c.lockedUntil;
    }
  }

  private void count(Cache<String, Counter> counters, String key, int threshold) {
    Counter c = counters.get(key, k -> new Counter());
    synchronized (c) {
      c.failures++;
      long delay = FailureCounts.delayMillis(settings, c.failures, threshold);
      if (delay > 0) {
        c.lockedUntil = clock.millis() + delay;
      }
    }
    // Re-put to restart the forget-after clock from this failure.
    counters.put(key, c);
  }

  private static String accountKey(String username) {
    return FailureCounts.accountKey(username);
  }
}
