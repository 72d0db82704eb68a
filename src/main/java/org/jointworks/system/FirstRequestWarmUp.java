package org.jointworks.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Component;

/**
 * Once the service is up, does the one-off work of a first signed-in API request before a user's
 * request has to (decision 117). A sign-in is answered by the security filters alone, so a
 * client that signs in and then imports made the import's request the JVM's first through
 * Spring MVC, and the first to read a session back: 445 classes loaded and 0.06–0.15 s inside
 * the first import of 100,000 communities. Two things, neither writing anything:
 *
 * <ul>
 *   <li>a security context with a made-up user written and read back by the converters the JDBC
 *       session store uses (Java serialization: the classes' stream descriptors, the record
 *       support of the sign-in's details, their method handles); nothing is stored, and the
 *       object read back is dropped;
 *   <li>two anonymous GETs on this service's own port on the loopback interface, of what any
 *       visitor may read (the map's configuration, a public layer's feature by a made-up id, a
 *       404): Tomcat's, the security chain's and Spring MVC's request path, the path variable's
 *       data binder and the JSON message converter.
 * </ul>
 *
 * Skipped without a local port (a test's mock environment) or with TLS on the port (a key store,
 * a certificate or an SSL bundle set, unless {@code server.ssl.enabled} is false). Once per JVM,
 * on a low-priority daemon thread; off with {@code jointworks.request-warm-up=false}.
 */
@Component
@ConditionalOnProperty(name = "jointworks.request-warm-up", havingValue = "true",
    matchIfMissing = true)
class FirstRequestWarmUp {
  private static final Logger log = LoggerFactory.getLogger(FirstRequestWarmUp.class);
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  /** Reads anyone may make; the id is past any the sequence gives (a 404). */
  static final List<String> PATHS = List.of("api/map/config", "api/communities/0");
  private static final int TIMEOUT_MILLIS = 5_000;
  /** The settings that give the port TLS. */
  private static final List<String> SSL_SOURCES = List.of("server.ssl.key-store",
      "server.ssl.certificate", "server.ssl.bundle");

  private final Environment environment;

  FirstRequestWarmUp(Environment environment) {
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    WarmUps.startOnce(STARTED, "request-warm-up", log, this::warm);
  }

  private void warm() {
    sessionRoundTrip();
    URI base = base();
    if (base == null) {
      return;
    }
    requests(base);
  }

  /** The warm-up's GETs against {@code base}: each one's status, -1 for one that failed. */
  int[] requests(URI base) {
    int[] statuses = new int[PATHS.size()];
    for (int i = 0; i < statuses.length; i++) {
      statuses[i] = get(base.resolve(PATHS.get(i)));
      log.debug("request-warm-up: GET {} answered {}", PATHS.get(i), statuses[i]);
    }
    return statuses;
  }

  /**
   * A signed-in user's security context, as the JDBC session store writes it and reads it back on
   * every request; the copy read back.
   */
  static Object sessionRoundTrip() {
    JointWorksUser user = new JointWorksUser("warm-up", "", false, Role.LEADER, null);
    UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(
        user, null, List.of(new SimpleGrantedAuthority(Role.LEADER.authority()),
            FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)));
    token.setDetails(new SignInDetails(InetAddress.getLoopbackAddress().getHostAddress(),
        SignInDetails.FORM));
    byte[] written = new SerializingConverter().convert(new SecurityContextImpl(token));
    return new DeserializingConverter(FirstRequestWarmUp.class.getClassLoader()).convert(written);
  }

  /**
   * This service's own address on the loopback interface (or the one address it listens on), or
   * null when it has no local port or serves TLS there.
   */
  URI base() {
    Integer port = environment.getProperty("local.server.port", Integer.class);
    if (port == null || port <= 0 || tls()) {
      return null;
    }
    String address = environment.getProperty("server.address", "");
    InetAddress host = InetAddress.getLoopbackAddress();
    try {
      InetAddress bound = address.isBlank() ? null : InetAddress.getByName(address);
      if (bound != null && !bound.isAnyLocalAddress()) {
        host = bound;
      }
    } catch (IOException unknown) {
      return null;
    }
    String literal = host.getHostAddress().contains(":") ? "[" + host.getHostAddress() + "]"
        : host.getHostAddress();
    return URI.create("http://" + literal + ":" + port
        + environment.getProperty("server.servlet.context-path", "") + "/");
  }

  /**
   * Whether the port speaks TLS: Spring Boot turns it on once a key store, a certificate or an
   * SSL bundle is set, unless {@code server.ssl.enabled} is false.
   */
  private boolean tls() {
    boolean configured = SSL_SOURCES.stream()
        .anyMatch(k -> !environment.getProperty(k, "").isBlank());
    return environment.getProperty("server.ssl.enabled", Boolean.class, configured);
  }

  /** The status of a GET of {@code uri}, its body read and dropped; -1 when it failed. */
  private static int get(URI uri) {
    try {
      HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
      c.setConnectTimeout(TIMEOUT_MILLIS);
      c.setReadTimeout(TIMEOUT_MILLIS);
      c.setRequestProperty("Accept", "application/json");
      c.setRequestProperty("Connection", "close");
      int status = c.getResponseCode();
      try (InputStream body = status < 400 ? c.getInputStream() : c.getErrorStream()) {
        if (body != null) {
          body.transferTo(java.io.OutputStream.nullOutputStream());
        }
      }
      c.disconnect();
      return status;
    } catch (IOException e) {
      log.debug("request-warm-up: GET {} failed: {}", uri, e.toString());
      return -1;
    }
  }
}
