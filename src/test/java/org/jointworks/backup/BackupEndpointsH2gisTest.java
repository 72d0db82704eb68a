package org.jointworks.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jointworks.support.Http;
import org.jointworks.support.Stores;
import org.jointworks.system.JointWorksProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** On-demand backups through HTTP on the embedded store: who may, what is written, what is kept. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "jointworks.backup.keep=2")
class BackupEndpointsH2gisTest {
  @LocalServerPort
  int port;
  @Autowired
  JointWorksProperties properties;
  Http anonymous;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
  }

  @BeforeEach
  void clients() {
    anonymous = Http.anonymous(port);
  }

  @Test
  void adminMakesABackupThatHoldsTheStoreAndOnlyTheNewestAreKept() throws Exception {
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Http.Response r = anonymous.as("admin").post("/api/admin/backups", "");
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      assertThat(r.json().get("bytes").asLong()).isPositive();
      made.add(r.json().get("name").asString());
    }
    assertThat(made).allMatch(BackupFiles::isBackupName).doesNotHaveDuplicates();

    JsonNode listed = anonymous.as("admin").get("/api/admin/backups").json().get("backups");
    assertThat(listed).hasSize(2);
    assertThat(listed.get(0).get("name").asString()).isEqualTo(made.get(2));
    assertThat(listed.get(1).get("name").asString()).isEqualTo(made.get(1));

    Path dir = BackupFiles.directory(properties.dataDir());
    assertThat(dir.resolve(made.get(0))).doesNotExist();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(dir.resolve(made.get(2))))) {
      List<String> entries = new ArrayList<>();
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.add(e.getName());
      }
      assertThat(entries).contains(BackupFiles.STORE_FILE);
    }
  }

  @Test
  void onlyAdminMayListOrMakeBackups() {
    assertThat(anonymous.post("/api/admin/backups", "").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/admin/backups").status()).isEqualTo(401);
    for (String user : List.of("planner", "leader")) {
      assertThat(anonymous.as(user).post("/api/admin/backups", "").status()).isEqualTo(403);
      assertThat(anonymous.as(user).get("/api/admin/backups").status()).isEqualTo(403);
    }
    assertThat(anonymous.as("admin").get("/api/admin/backups").status()).isEqualTo(200);
  }
}
