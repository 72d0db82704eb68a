package org.jointworks.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A killed process leaves its directory (the import warm-up's scratch store, a test JVM's store);
 * the next one made with the same prefix deletes it, and never a live process's.
 */
class ProcessDirectoriesTest {

  @Test
  void makingOneDeletesTheLeftoversOfGoneProcessesOnly() throws Exception {
    Path tmp = Files.createTempDirectory("process-directories");
    try {
      Process gone = new ProcessBuilder("true").start();
      gone.waitFor();
      Path dead = Files.createDirectory(tmp.resolve("jw-test-" + gone.pid() + "-1"));
      Files.writeString(dead.resolve("store.mv.db"), "left by a killed process");
      Path live = Files.createDirectory(
          tmp.resolve("jw-test-" + ProcessHandle.current().pid() + "-2"));
      Path other = Files.createDirectory(tmp.resolve("jw-test-not-a-pid"));
      Path otherPrefix = Files.createDirectory(tmp.resolve("jw-else-" + gone.pid() + "-3"));

      Path made = ProcessDirectories.create(tmp, "jw-test-");

      assertThat(made).isDirectory();
      assertThat(made.getFileName().toString())
          .startsWith("jw-test-" + ProcessHandle.current().pid() + "-");
      assertThat(dead).doesNotExist();
      assertThat(live).isDirectory();
      assertThat(other).isDirectory();
      assertThat(otherPrefix).isDirectory();
    } finally {
      ProcessDirectories.delete(tmp);
    }
    assertThat(tmp).doesNotExist();
  }
}
