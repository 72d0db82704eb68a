package org.jointworks.bench;

import org.jointworks.support.PostgisDatabase;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ImportBenchmark} on PostGIS: the same file, the same HTTP import. */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgis")
@EnabledIfEnvironmentVariable(named = PostgisDatabase.URL_VARIABLE, matches = ".+")
class PostgisImportBenchmark extends ImportBenchmark {
  @DynamicPropertySource
  static void postgis(DynamicPropertyRegistry registry) {
    Stores.postgis(registry, "bench_import", false);
  }
}
