package org.jointworks.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * With the real service in its own JVM: an online backup, a second instance refused on the same
 * data directory, a damaged store stopping the start with one message that names the newest
 * backup, and the restore that brings back exactly the backup's data.
 */
class StoreRecoveryTest {
  private static final Duration START = Duration.ofSeconds(240);

  @Test
  void backupSecondInstanceDamagedStoreAndRestore() throws Exception {
    Path dir = Files.createTempDirectory("jointworks-recovery");
    Path logs = Path.of("target", "crash", "recovery-" + System.nanoTime());
    ServiceProcess first = ServiceProcess.h2gis(dir, logs.resolve("first.log")).start();
    assertThat(first.awaitReady(START)).as(first.logText()).isTrue();
    Workload w = new Workload("rec");
    w.target(first.base());
    String kept = created(w, "/api/communities", "kept");
    var backup = w.send("POST", "/api/admin/backups", "", null);
    assertThat(backup.statusCode()).as(backup.body()).isEqualTo(201);
    String name = backup.body().replaceAll("(?s).*\"name\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    String later = created(w, "/api/communities", "later");

    ServiceProcess second = ServiceProcess.h2gis(dir, logs.resolve("second.log")).start();
    assertThat(second.waitFor(START)).as("the second instance stops").isNotIn(0, -1);
    assertThat(second.logText()).contains("is in use by another process")
        .contains("APPLICATION FAILED TO START").doesNotContain("\tat ");
    assertThat(w.send("GET", kept, null, null).statusCode()).as("the first still serves")
        .isEqualTo(200);
    assertThat(first.term(Duration.ofSeconds(60))).isNotEqualTo(-1);

    damage(dir.resolve("jointworks.mv.db"));
    ServiceProcess damaged = ServiceProcess.h2gis(dir, logs.resolve("damaged.log")).start();
    assertThat(damaged.waitFor(START)).as("a damaged store stops the start").isNotIn(0, -1);
    Path newest = dir.resolve("backups").resolve(name).toAbsolutePath();
    assertThat(damaged.logText()).contains("cannot be opened")
        .contains("--jointworks.restore-from=" + newest).doesNotContain("\tat ");

    ServiceProcess restored = ServiceProcess.h2gis(dir, logs.resolve("restored.log"),
        "--jointworks.restore-from=" + newest).start();
    assertThat(restored.awaitReady(START)).as(restored.logText()).isTrue();
    w.target(restored.base());
    assertThat(w.send("GET", kept, null, null).statusCode()).isEqualTo(200);
    assertThat(w.send("GET", later, null, null).statusCode()).as("written after the backup")
        .isEqualTo(404);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("jointworks.mv.db.before-restore-"));
    }
    restored.term(Duration.ofSeconds(60));
  }

  private static String created(Workload w, String path, String name) throws Exception {
    var r = w.send("POST", path, "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\","
          + "\"coordinates\":[[[113.9,35.3],[113.901,35.3],[113.901,35.301],[113.9,35.3]]]},"
          + "\"properties\":{\"name\":\"" + name + "\",\"district\":\"weibin\",\"households\":1,"
          + "\"buildings\":1,\"floor_area_m2\":100}}", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return path + "/" + r.headers().firstValue("Location").orElseThrow()
        .replaceAll(".*/", "");
  }

  /** Overwrites the whole file with noise, keeping its length: no header or chunk survives. */
  private static void damage(Path file) throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      byte[] noise = new byte[4096];
      for (long at = 0; at < f.length(); at += noise.length) {
        for (int i = 0; i < noise.length; i++) {
          noise[i] = (byte) random.nextInt(256);
        }
        f.seek(at);
        f.write(noise, 0, (int) Math.min(noise.length, f.length() - at));
      }
    }
  }
}
