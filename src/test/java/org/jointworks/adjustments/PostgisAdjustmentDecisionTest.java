package org.jointworks.adjustments;

import org.jointworks.support.PostgisDatabase;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The two steps of an adjustment ({@link AdjustmentDecisionTest}) on PostGIS, through HTTP, and
 * the rest of the adjustment rules ({@link AdjustmentApiTest}'s cases run by
 * {@code PostgisRulesWithTeethTest} and {@code ProgrammePostgisTest}). Runs when
 * {@code JOINTWORKS_TEST_POSTGIS_URL} is set.
 */
@ActiveProfiles("postgis")
@EnabledIfEnvironmentVariable(named = PostgisDatabase.URL_VARIABLE, matches = ".+")
class PostgisAdjustmentDecisionTest extends AdjustmentDecisionTest {
  @DynamicPropertySource
  static void postgisStore(DynamicPropertyRegistry registry) {
    Stores.postgis(registry, "adjustments", false);
  }
}
