package org.jointworks.backup;

import static org.assertj.core.api.Assertions.assertThat;

import org.jointworks.support.Http;
import org.jointworks.support.PostgisDatabase;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On PostGIS the service makes no backups of its own: pg_dump does (docs/operations.md). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgis")
@EnabledIfEnvironmentVariable(named = PostgisDatabase.URL_VARIABLE, matches = ".+")
class BackupEndpointsPostgisTest {
  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.postgis(registry, "backup", false);
  }

  @Test
  void backupOnPostgisAnswersConflictNamingPgDump() {
    Http.Response r = Http.anonymous(port).as("admin").post("/api/admin/backups", "");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().get("code").asString()).isEqualTo("backup.not_embedded");
    assertThat(r.body()).contains("pg_dump");
    assertThat(Http.anonymous(port).as("planner").post("/api/admin/backups", "").status())
        .isEqualTo(403);
  }
}
