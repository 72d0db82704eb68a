package org.jointworks.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.jointworks.support.SecuredService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.context.SecurityContext;

/**
 * The first request's warm-up (decision 117): the session's security context read back as the
 * JDBC session store reads it, and anonymous reads on the service's own loopback port only.
 */
class FirstRequestWarmUpTest extends SecuredService {
  @Autowired
  Environment environment;

  @Test
  void theSecurityContextComesBackWithItsMadeUpUser() {
    Object back = FirstRequestWarmUp.sessionRoundTrip();
    assertThat(back).isInstanceOf(SecurityContext.class);
    var auth = ((SecurityContext) back).getAuthentication();
    assertThat(auth.getPrincipal()).isInstanceOf(JointWorksUser.class);
    JointWorksUser user = (JointWorksUser) auth.getPrincipal();
    assertThat(user.getUsername()).isEqualTo("warm-up");
    assertThat(user.isEnabled()).as("a user that could never sign in").isFalse();
    assertThat(auth.getDetails()).isInstanceOf(SignInDetails.class);
  }

  @Test
  void itAsksThisServiceOnItsLoopbackPortWhatAnyVisitorMayRead() {
    FirstRequestWarmUp warmUp = new FirstRequestWarmUp(environment);
    URI base = warmUp.base();
    assertThat(base).isEqualTo(URI.create("http://127.0.0.1:" + port + "/"));
    assertThat(FirstRequestWarmUp.PATHS).allSatisfy(p -> assertThat(p).startsWith("api/"));
    // The map's configuration, then a public layer's feature that is not there: nothing signed
    // in, nothing written.
    assertThat(warmUp.requests(base)).containsExactly(200, 404);
  }

  @Test
  void noLocalPortOrTlsMeansNoRequest() {
    assertThat(new FirstRequestWarmUp(new MockEnvironment()).base()).isNull();
    assertThat(new FirstRequestWarmUp(new MockEnvironment()
        .withProperty("local.server.port", "8443").withProperty("server.ssl.enabled", "true"))
        .base()).isNull();
    // A key store or a bundle turns TLS on without server.ssl.enabled, as in Spring Boot.
    assertThat(new FirstRequestWarmUp(new MockEnvironment()
        .withProperty("local.server.port", "8443")
        .withProperty("server.ssl.key-store", "classpath:keystore.p12")).base()).isNull();
    assertThat(new FirstRequestWarmUp(new MockEnvironment()
        .withProperty("local.server.port", "8443").withProperty("server.ssl.bundle", "web"))
        .base()).isNull();
    // Set but switched off: plain HTTP again.
    assertThat(new FirstRequestWarmUp(new MockEnvironment()
        .withProperty("local.server.port", "8080").withProperty("server.ssl.bundle", "web")
        .withProperty("server.ssl.enabled", "false")).base())
        .isEqualTo(URI.create("http://127.0.0.1:8080/"));
  }

  @Test
  void aServiceOnOneAddressIsAskedThereAndUnderItsContextPath() {
    assertThat(new FirstRequestWarmUp(new MockEnvironment()
        .withProperty("local.server.port", "8080").withProperty("server.address", "0.0.0.0"))
        .base()).isEqualTo(URI.create("http://127.0.0.1:8080/"));
    assertThat(new FirstRequestWarmUp(new MockEnvironment()
        .withProperty("local.server.port", "8080").withProperty("server.address", "::1")
        .withProperty("server.servlet.context-path", "/jw"))
        .base()).isEqualTo(URI.create("http://[0:0:0:0:0:0:0:1]:8080/jw/"));
  }
}
