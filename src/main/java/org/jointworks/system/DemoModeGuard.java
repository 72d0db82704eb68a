package org.jointworks.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Safe demo mode (decision 26): with the demo users on and their password still the published
 * {@value #PUBLISHED_PASSWORD}, the service listens on this machine only. Without a
 * {@code server.address} it binds to the loopback address, so the README's first command keeps
 * working on the machine itself; with a non-loopback {@code server.address} it refuses to start
 * ({@link DemoModeException}, explained by {@link DemoModeFailureAnalyzer}). A changed demo
 * password, or the demo users off, lifts the rule. Runs after Spring Boot's own customizer, which
 * applies {@code server.address}. Thread-safe (runs once at start-up).
 */
@Component
class DemoModeGuard implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {
  /** The demo password the README publishes. */
  static final String PUBLISHED_PASSWORD = "demo";

  private final JointWorksProperties properties;
  private final Environment environment;

  DemoModeGuard(JointWorksProperties properties, Environment environment) {
    this.properties = properties;
    this.environment = environment;
  }

  @Override
  public void customize(ConfigurableWebServerFactory factory) {
    if (!properties.demoUsers() || !PUBLISHED_PASSWORD.equals(properties.demoPassword())) {
      return;
    }
    String configured = environment.getProperty("server.address");
    if (configured == null || configured.isBlank()) {
      factory.setAddress(InetAddress.getLoopbackAddress());
      return;
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(configured.trim());
    } catch (UnknownHostException e) {
      throw new DemoModeException(configured);
    }
    if (!address.isLoopbackAddress()) {
      throw new DemoModeException(configured);
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** The demo users with the published password were asked to listen beyond this machine. */
  static final class DemoModeException extends IllegalStateException {
    private final String address;

    DemoModeException(String address) {
      super("refusing to listen on " + address + " with the demo users and the published demo"
          + " password: set jointworks.demo-password to your own, or jointworks.demo-users=false,"
          + " or leave server.address unset (this machine only)");
      this.address = address;
    }

    String address() {
      return address;
    }
  }
}
