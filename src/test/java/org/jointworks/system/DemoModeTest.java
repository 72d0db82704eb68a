package org.jointworks.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.nio.file.Files;
import org.jointworks.JointWorksApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.mock.env.MockEnvironment;

/**
 * Safe demo mode (issue 17): with the demo users and the published password the service refuses
 * to listen beyond this machine, with a message that says what to do; unset, it binds to
 * loopback (the shared security service shows that over a socket, in SecurityHeadersTest); a
 * changed password or no demo users lift the rule.
 */
class DemoModeTest {

  @Test
  void thePublishedPasswordOnAllInterfacesRefusesToStart() throws Exception {
    String dir = Files.createTempDirectory("jointworks-demo").toString();
    Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(
        JointWorksApplication.class).properties("server.address=0.0.0.0", "server.port=0",
            "jointworks.data-dir=" + dir, "jointworks.sample-data=false")
        .run().close());
    assertThat(failure).isNotNull();
    Throwable cause = failure;
    while (cause != null && !(cause instanceof DemoModeGuard.DemoModeException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("the demo guard's refusal in %s", failure).isNotNull();
    FailureAnalysis analysis = new DemoModeFailureAnalyzer().analyze(failure);
    assertThat(analysis.getDescription()).contains("0.0.0.0").contains("published password");
    assertThat(analysis.getAction()).contains("jointworks.demo-password")
        .contains("jointworks.demo-users=false").contains("server.address");
  }

  @Test
  void withoutAnAddressTheDemoBindsToLoopback() {
    TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
    guard(true, "demo", null).customize(factory);
    assertThat(factory.getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
  }

  @Test
  void aChangedPasswordOrNoDemoUsersMayListenEverywhere() throws Exception {
    TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
    guard(true, "a-password-of-our-own", "0.0.0.0").customize(factory);
    assertThat(factory.getAddress()).isNull();
    guard(false, "demo", "0.0.0.0").customize(factory);
    assertThat(factory.getAddress()).isNull();
    guard(true, "demo", "127.0.0.1").customize(factory);
  }

  private static DemoModeGuard guard(boolean demoUsers, String password, String address) {
    MockEnvironment env = new MockEnvironment();
    if (address != null) {
      env.setProperty("server.address", address);
    }
    return new DemoModeGuard(new JointWorksProperties(java.nio.file.Path.of("./data"), false,
        demoUsers, password, 4547), env);
  }
}
