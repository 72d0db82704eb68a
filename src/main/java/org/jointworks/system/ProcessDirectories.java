package org.jointworks.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * Temporary directories named for the JVM that made them ({@code <prefix><pid>-<random>}), so that
 * a later JVM can delete those of JVMs that are gone: a process killed (a crash, a kill loop, a
 * test JVM that surefire ends with {@code System.exit}) cannot delete its own, and each would keep
 * its megabytes in the temporary directory for good. A live process's directory is left alone.
 */
public final class ProcessDirectories {
  private ProcessDirectories() {}

  /** Deletes the leftovers of {@code prefix} in {@code parent}, then makes this JVM's new one. */
  public static Path create(Path parent, String prefix) throws IOException {
    removeLeftovers(parent, prefix);
    return Files.createTempDirectory(parent, prefix + ProcessHandle.current().pid() + "-");
  }

  /** Deletes the directories of {@code prefix} whose process is gone; never fails. */
  public static void removeLeftovers(Path parent, String prefix) {
    try (Stream<Path> entries = Files.list(parent)) {
      entries.filter(p -> p.getFileName().toString().startsWith(prefix)).forEach(p -> {
        String rest = p.getFileName().toString().substring(prefix.length());
        int dash = rest.indexOf('-');
        try {
          long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
          if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return;
          }
        } catch (NumberFormatException notOurs) {
          return;
        }
        delete(p);
      });
    } catch (IOException | RuntimeException e) {
      // leftovers stay; the caller goes on
    }
  }

  /** Deletes {@code dir} and everything in it; a failure leaves it to the OS. */
  public static void delete(Path dir) {
    try {
      FileSystemUtils.deleteRecursively(dir);
    } catch (IOException e) {
      // the temporary directory stays; the OS cleans it
    }
  }
}
