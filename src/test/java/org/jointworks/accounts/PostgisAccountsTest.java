package org.jointworks.accounts;

import org.jointworks.support.PostgisDatabase;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Accounts on PostGIS, in a schema of its own. */
@ActiveProfiles("postgis")
@EnabledIfEnvironmentVariable(named = PostgisDatabase.URL_VARIABLE, matches = ".+")
class PostgisAccountsTest extends AccountsContract {
  @DynamicPropertySource
  static void postgis(DynamicPropertyRegistry registry) {
    Stores.postgis(registry, "accounts", false);
  }
}
