package org.jointworks.fuzz;

import org.jointworks.support.PostgisDatabase;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The fuzz suite on PostGIS, in a schema of its own, without the multi-megabyte cases (they
 * test the parsers, which are the same on both stores). Runs when
 * {@code JOINTWORKS_TEST_POSTGIS_URL} is set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgis")
@EnabledIfEnvironmentVariable(named = PostgisDatabase.URL_VARIABLE, matches = ".+")
class PostgisFuzzTest extends FuzzContract {
  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.postgis(registry, "fuzz", false);
  }

  @Override
  boolean big() {
    return false;
  }
}
