package org.jointworks.system;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users of the service, in {@code app_users}, with bcrypt-hashed passwords: the source of
 * every sign-in, and of the per-request {@link #state} check that ends sessions of a disabled
 * or changed account.
 *
 * <p>Guarantee: on this instance, {@link #state} reflects an account change at once (the writer
 * calls {@link #forget}); on other instances sharing the store it lags by at most
 * {@link #STATE_TTL}. Thread-safe.
 */
@Component
public class UserStore implements UserDetailsService {
  /** How long another instance may keep answering from a stale account state. */
  public static final Duration STATE_TTL = Duration.ofSeconds(5);

  private final NamedParameterJdbcTemplate jdbc;
  private final PasswordEncoder encoder;
  private final Cache<String, Optional<AccountState>> states = Caffeine.newBuilder()
      .maximumSize(10_000).expireAfterWrite(STATE_TTL).build();

  /** What a live session is checked against on every request. */
  public record AccountState(boolean enabled, long version, boolean mustChangePassword) {}

  UserStore(NamedParameterJdbcTemplate jdbc, PasswordEncoder encoder) {
    this.jdbc = jdbc;
    this.encoder = encoder;
  }

  @Override
  public JointWorksUser loadUserByUsername(String username) {
    List<JointWorksUser> found = jdbc.query("""
        SELECT username, password_hash, role, organisation, enabled, county, version,
               must_change_password
        FROM app_users WHERE username = :u""",
        Map.of("u", username),
        (rs, i) -> new JointWorksUser(rs.getString(1), rs.getString(2), rs.getBoolean(5),
            Role.valueOf(rs.getString(3)), rs.getString(4), rs.getString(6), rs.getLong(7),
            rs.getBoolean(8)));
    if (found.isEmpty()) {
      throw new UsernameNotFoundException("no such user");
    }
    return found.get(0);
  }

  /** The account's current state, or empty when it no longer exists (cached, see class). */
  public Optional<AccountState> state(String username) {
    return states.get(username, u -> jdbc.query(
        "SELECT enabled, version, must_change_password FROM app_users WHERE username = :u",
        Map.of("u", u),
        (rs, i) -> new AccountState(rs.getBoolean(1), rs.getLong(2), rs.getBoolean(3)))
        .stream().findFirst());
  }

  /** Drops the cached state of an account its writer just changed (call after commit). */
  public void forget(String username) {
    states.invalidate(username);
  }

  /** Creates the user unless one of that name exists; returns whether it was created. */
  @Transactional
  public boolean createIfAbsent(String username, String rawPassword, Role role, String organisation) {
    return createIfAbsent(username, rawPassword, role, organisation, null);
  }

  /** The same, with the county (a district code) a county officer or leader acts for. */
  @Transactional
  public boolean createIfAbsent(String username, String rawPassword, Role role,
      String organisation, String county) {
    if (role == Role.UTILITY && organisation == null) {
      throw new IllegalArgumentException("a utility user needs an organisation");
    }
    if (role.countyScoped() != (county != null)) {
      throw new IllegalArgumentException("a county officer or leader, and only they, has a county");
    }
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM app_users WHERE username = :u",
        Map.of("u", username), Integer.class);
    if (n != null && n > 0) {
      return false;
    }
    var params = new HashMap<String, Object>();
    params.put("u", username);
    params.put("p", encoder.encode(rawPassword));
    params.put("r", role.name());
    params.put("o", organisation);
    params.put("c", county);
    jdbc.update("INSERT INTO app_users (username, password_hash, role, organisation, enabled,"
        + " county) VALUES (:u, :p, :r, :o, TRUE, :c)", params);
    return true;
  }

  /**
   * Creates a demo user, or, when it exists and the configured demo password is no longer the
   * published one, replaces a stored published password with it (see below).
   */
  public void ensureDemoUser(String username, String rawPassword, Role role, String organisation) {
    ensureDemoUser(username, rawPassword, role, organisation, null);
  }

  /** The same, with the county (a district code) of a county-scoped demo user. */
  public void ensureDemoUser(String username, String rawPassword, Role role, String organisation,
      String county) {
    if (!createIfAbsent(username, rawPassword, role, organisation, county)
        && !DemoModeGuard.PUBLISHED_PASSWORD.equals(rawPassword)) {
      replacePublishedPassword(username, DemoModeGuard.PUBLISHED_PASSWORD, rawPassword);
    }
  }

  /**
   * Gives an existing demo user {@code rawPassword} if its stored password is still
   * {@code published}: a service whose operator changed the demo password must not keep
   * accounts that open with the README's one. Returns whether the password was replaced.
   */
  @Transactional
  public boolean replacePublishedPassword(String username, String published, String rawPassword) {
    List<String> hash = jdbc.queryForList(
        "SELECT password_hash FROM app_users WHERE username = :u", Map.of("u", username),
        String.class);
    if (hash.isEmpty() || !encoder.matches(published, hash.get(0))) {
      return false;
    }
    jdbc.update("UPDATE app_users SET password_hash = :p, version = version + 1"
        + " WHERE username = :u", Map.of("u", username, "p", encoder.encode(rawPassword)));
    forget(username);
    return true;
  }
}
