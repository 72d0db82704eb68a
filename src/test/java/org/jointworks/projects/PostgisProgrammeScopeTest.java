package org.jointworks.projects;

import org.jointworks.support.PostgisDatabase;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The rest of issue 12 ({@link ProgrammeScopeTest}) tried again on PostGIS, through HTTP. Runs
 * when {@code JOINTWORKS_TEST_POSTGIS_URL} is set.
 */
@ActiveProfiles("postgis")
@EnabledIfEnvironmentVariable(named = PostgisDatabase.URL_VARIABLE, matches = ".+")
class PostgisProgrammeScopeTest extends ProgrammeScopeTest {
  @DynamicPropertySource
  static void postgisStore(DynamicPropertyRegistry registry) {
    Stores.postgis(registry, "rules", false);
  }
}
