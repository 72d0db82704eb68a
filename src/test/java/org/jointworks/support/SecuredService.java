package org.jointworks.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one service (embedded store, demo users) that the security tests share, so that their
 * classes start one context between them: a sign-in throttle short enough to wait out (3
 * failures per account, 6 per address, 2 s doubling to 8 s), and forwarded headers trusted from
 * the loopback proxy, so a test can speak as another client address ({@code X-Forwarded-For})
 * or over TLS ({@code X-Forwarded-Proto: https}). A test that fails sign-ins on purpose does so
 * from an address of its own and throttles only an account no other test signs in with, so the
 * throttle of one test never reaches another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "jointworks.signin.account-failures=3", "jointworks.signin.address-failures=6",
    "jointworks.signin.first-delay=2s", "jointworks.signin.max-delay=8s",
    "jointworks.signin.forget-after=1m", "server.forward-headers-strategy=native"})
public abstract class SecuredService {
  @LocalServerPort
  protected int port;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
  }
}
