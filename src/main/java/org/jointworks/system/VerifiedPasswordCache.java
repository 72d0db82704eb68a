package org.jointworks.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that remembers, for a few minutes, which (password, stored hash) pairs it has
 * already verified. HTTP Basic clients send their password with every request, and a bcrypt
 * check costs about 100–300 ms on this class of machine: without this, an API client dragging a
 * vertex (the linked-area preview) would wait on bcrypt, not on the answer.
 *
 * <p>Only successes are remembered, under a SHA-256 of password and stored hash together: a
 * changed password or hash misses the cache, a wrong password always goes to bcrypt. The cache is
 * bounded (LRU) and entries expire. Thread-safe.
 */
final class VerifiedPasswordCache implements PasswordEncoder {
  private static final int MAX_ENTRIES = 1_000;
  private static final long TTL_MILLIS = 10 * 60 * 1000L;

  private final PasswordEncoder delegate;
  private final Clock clock;
  private final Map<String, Long> verified = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  VerifiedPasswordCache(PasswordEncoder delegate, Clock clock) {
    this.delegate = delegate;
    this.clock = clock;
  }

  @Override
  public String encode(CharSequence rawPassword) {
    return delegate.encode(rawPassword);
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    if (rawPassword == null || encodedPassword == null) {
      return false;
    }
    String key = key(rawPassword, encodedPassword);
    long now = clock.millis();
    synchronized (verified) {
      Long until = verified.get(key);
      if (until != null && until > now) {
        return true;
      }
    }
    boolean ok = delegate.matches(rawPassword, encodedPassword);
    if (ok) {
      synchronized (verified) {
        verified.put(key, now + TTL_MILLIS);
      }
    }
    return ok;
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return delegate.upgradeEncoding(encodedPassword);
  }

  private static String key(CharSequence raw, String encoded) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(encoded.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(raw.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
