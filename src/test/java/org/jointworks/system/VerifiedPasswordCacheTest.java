package org.jointworks.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The cache answers repeated correct passwords without bcrypt, and nothing else. */
class VerifiedPasswordCacheTest {
  /** A stand-in for bcrypt that counts its checks; "hash:" + raw is the stored form. */
  static final class CountingEncoder implements PasswordEncoder {
    final AtomicInteger checks = new AtomicInteger();

    @Override
    public String encode(CharSequence raw) {
      return "hash:" + raw;
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
      checks.incrementAndGet();
      return encoded.equals("hash:" + raw);
    }
  }

  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-11-27T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void aVerifiedPasswordIsNotCheckedAgainUntilItExpires() {
    CountingEncoder bcrypt = new CountingEncoder();
    MovableClock clock = new MovableClock();
    VerifiedPasswordCache cache = new VerifiedPasswordCache(bcrypt, clock);
    assertThat(cache.matches("demo", "hash:demo")).isTrue();
    assertThat(cache.matches("demo", "hash:demo")).isTrue();
    assertThat(bcrypt.checks).hasValue(1);
    clock.now = clock.now.plus(Duration.ofMinutes(11));
    assertThat(cache.matches("demo", "hash:demo")).isTrue();
    assertThat(bcrypt.checks).hasValue(2);
  }

  @Test
  void wrongPasswordsAndChangedHashesAlwaysGoToTheEncoder() {
    CountingEncoder bcrypt = new CountingEncoder();
    VerifiedPasswordCache cache = new VerifiedPasswordCache(bcrypt, new MovableClock());
    assertThat(cache.matches("demo", "hash:demo")).isTrue();
    assertThat(cache.matches("wrong", "hash:demo")).isFalse();
    assertThat(cache.matches("wrong", "hash:demo")).isFalse();
    assertThat(cache.matches("demo", "hash:changed")).isFalse();
    assertThat(bcrypt.checks).hasValue(4);
  }
}
