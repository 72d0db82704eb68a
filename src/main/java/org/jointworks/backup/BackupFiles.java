package org.jointworks.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the embedded store and its backups lie under {@code jointworks.data-dir}, and how backups
 * are named: {@code backups/jointworks-yyyyMMdd-HHmmss-SSS.zip} in UTC, so the names sort in the
 * order they were made. No Spring: the start-up check uses it before the context exists.
 * Stateless and thread-safe.
 */
public final class BackupFiles {
  /** The store's file name, as the datasource URL {@code jdbc:h2:file:<data-dir>/jointworks} gives it. */
  public static final String STORE_FILE = "jointworks.mv.db";
  private static final Pattern NAME = Pattern.compile("jointworks-\\d{8}-\\d{6}-\\d{3}\\.zip");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  private BackupFiles() {}

  public static Path directory(Path dataDir) {
    return dataDir.resolve("backups");
  }

  static String nameFor(Instant at) {
    return "jointworks-" + STAMP.format(at) + ".zip";
  }

  static boolean isBackupName(String name) {
    return NAME.matcher(name).matches();
  }

  /** The backups in {@code dataDir/backups}, newest first; empty when there are none. */
  public static List<Path> list(Path dataDir) {
    Path dir = directory(dataDir);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> isBackupName(p.getFileName().toString()))
          .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Optional<Path> newest(Path dataDir) {
    return list(dataDir).stream().findFirst();
  }
}
