package org.jointworks.layers;

import org.jointworks.support.PostgisDatabase;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The store contract on PostGIS, in a schema of its own. Runs when
 * {@code JOINTWORKS_TEST_POSTGIS_URL} is set; fails (does not skip) if that server is unreachable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgis")
@EnabledIfEnvironmentVariable(named = PostgisDatabase.URL_VARIABLE, matches = ".+")
class PostgisStoreTest extends StoreContract {
  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.postgis(registry, "contract", false);
  }
}
