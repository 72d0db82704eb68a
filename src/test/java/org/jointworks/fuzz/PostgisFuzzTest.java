package org.jointworks.fuzz;

import org.jointworks.support.PostgisDatabase;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The fuzz suite on PostGIS, in a schema of its own, without the multi-megabyte cases (they
 * test the parsers, which are the same on both stores). Runs when
 * {@code JOINTWORKS_TEST_POSTGIS_URL} is set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Its context is its own: closed after the class, so it holds no memory or connections.
@DirtiesContext
@ActiveProfiles("postgis")
@EnabledIfEnvironmentVariable(named = PostgisDatabase.URL_VARIABLE, matches = ".+")
class PostgisFuzzTest extends FuzzContract {
  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.postgis(registry, "fuzz", false);
    // The test PostGIS is shared: one request at a time needs few connections.
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "3");
  }

  @Override
  boolean big() {
    return false;
  }
}
