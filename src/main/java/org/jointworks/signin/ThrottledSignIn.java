package org.jointworks.signin;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import javax.sql.DataSource;
import org.jointworks.system.SignInDetails;
import org.jointworks.system.StoreDialect;
import org.jointworks.system.TooManySignInsException;
import org.jointworks.system.UserStore;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The service's only {@link AuthenticationProvider}, so HTTP Basic and the sign-in form share it
 * (Spring Security uses a lone provider bean for every door and builds no other). In order:
 * <ol>
 *   <li>a throttled account or address is refused with {@link TooManySignInsException} before
 *       the password is looked at ({@link FailureCounts}: in memory on the embedded store, in
 *       the store on PostGIS, where every instance must count the same failures);</li>
 *   <li>Spring's {@link DaoAuthenticationProvider} checks the bcrypt password against
 *       {@link UserStore};</li>
 *   <li>an unknown user, a wrong password and a disabled account all become the same
 *       {@link BadCredentialsException}, so the answer never tells which, and count as a
 *       failure;</li>
 *   <li>every attempt is written to the {@link SignInLog} (Basic successes at most once per user
 *       and address per interval: a Basic client signs in with every request).</li>
 * </ol>
 * Thread-safe.
 */
@Component
class ThrottledSignIn implements AuthenticationProvider {
  private final DaoAuthenticationProvider passwords;
  private final FailureCounts throttle;
  private final SignInLog log;
  private final Cache<String, Boolean> recentBasicSuccesses;

  ThrottledSignIn(UserStore users, PasswordEncoder encoder, SignInLog log,
      SignInProperties settings, DataSource dataSource, NamedParameterJdbcTemplate jdbc) {
    this.passwords = new DaoAuthenticationProvider(users);
    this.passwords.setPasswordEncoder(encoder);
    this.throttle = counts(StoreDialect.of(dataSource), settings, jdbc);
    this.log = log;
    this.recentBasicSuccesses = Caffeine.newBuilder().maximumSize(10_000)
        .expireAfterWrite(settings.basicSuccessLogInterval().toMillis(), TimeUnit.MILLISECONDS)
        .build();
  }

  /** The one place where the stores differ: PostGIS may have many instances, H2GIS has one. */
  private static FailureCounts counts(StoreDialect store, SignInProperties settings,
      NamedParameterJdbcTemplate jdbc) {
    return store == StoreDialect.POSTGIS
        ? new SharedSignInThrottle(jdbc, settings, Clock.systemUTC())
        : new SignInThrottle(settings, Clock.systemUTC());
  }

  @Override
  public Authentication authenticate(Authentication attempt) throws AuthenticationException {
    String username = attempt.getName();
    SignInDetails from = attempt.getDetails() instanceof SignInDetails d ? d
        : new SignInDetails("unknown", "other");
    long wait = throttle.retryAfterSeconds(username, from.address());
    if (wait > 0) {
      log.record(username, from.address(), from.method(), "throttled");
      throw new TooManySignInsException(wait);
    }
    Authentication result;
    try {
      result = passwords.authenticate(attempt);
    } catch (BadCredentialsException | AccountStatusException e) {
      throttle.failed(username, from.address());
      log.record(username, from.address(), from.method(), "failure");
      throw new BadCredentialsException("the user name or the password is wrong");
    }
    throttle.succeeded(username);
    if (!SignInDetails.BASIC.equals(from.method())
        || recentBasicSuccesses.asMap().putIfAbsent(username + '|' + from.address(), true) == null) {
      log.record(username, from.address(), from.method(), "success");
    }
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
