package org.jointworks.progress;

import org.jointworks.support.PostgisDatabase;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link EvaluationPlanFiledTest} on PostGIS. Runs when {@code JOINTWORKS_TEST_POSTGIS_URL} is
 * set.
 */
@ActiveProfiles("postgis")
@EnabledIfEnvironmentVariable(named = PostgisDatabase.URL_VARIABLE, matches = ".+")
class PostgisEvaluationPlanFiledTest extends EvaluationPlanFiledTest {
  @DynamicPropertySource
  static void postgisStore(DynamicPropertyRegistry registry) {
    Stores.postgis(registry, "evalfiled", false);
  }
}
