package org.jointworks.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a backup (a zip made by {@link Backups}) in place of the embedded store, before the store
 * is opened: the current store file is kept beside it as
 * {@code jointworks.mv.db.before-restore-<time>}, the backup's store file is unpacked under a
 * temporary name and renamed into place, so a crash during a restore leaves either the old or the
 * restored store. A marker in {@code backups/} remembers the restored backup, so an option left
 * on does not restore the same backup again at the next start. Refuses while another process
 * holds the store. No Spring; not for concurrent use (start-up only).
 */
final class StoreRestore {
  private static final Logger LOG = LoggerFactory.getLogger(StoreRestore.class);
  private static final String MARKER = "restored-from.txt";

  private StoreRestore() {}

  static void restore(Path dataDir, Path backup) {
    if (!Files.isRegularFile(backup)) {
      throw new StoreUnavailableException("jointworks.restore-from names " + backup.toAbsolutePath()
          + ", which is not a file.", "Name a backup zip, e.g. the newest in "
          + BackupFiles.directory(dataDir).toAbsolutePath() + ".");
    }
    Path store = dataDir.resolve(BackupFiles.STORE_FILE);
    Path marker = BackupFiles.directory(dataDir).resolve(MARKER);
    try {
      String identity = backup.toAbsolutePath() + " " + Files.size(backup) + " "
          + Files.getLastModifiedTime(backup).toMillis();
      if (Files.isRegularFile(marker) && Files.readString(marker).strip().equals(identity)) {
        LOG.warn("The store was already restored from {}; not again. Remove"
            + " jointworks.restore-from from the settings.", backup.toAbsolutePath());
        return;
      }
      Files.createDirectories(BackupFiles.directory(dataDir));
      refuseWhileInUse(store);
      Path restoring = dataDir.resolve(BackupFiles.STORE_FILE + ".restoring");
      if (!unpackStore(backup, restoring)) {
        throw new StoreUnavailableException(backup.toAbsolutePath() + " holds no "
            + BackupFiles.STORE_FILE + "; it is not a JointWorks backup.",
            "Name a backup zip from " + BackupFiles.directory(dataDir).toAbsolutePath() + ".");
      }
      if (Files.exists(store)) {
        Path kept = dataDir.resolve(BackupFiles.STORE_FILE + ".before-restore-"
            + Instant.now().toEpochMilli());
        Files.move(store, kept, StandardCopyOption.ATOMIC_MOVE);
        LOG.warn("The store being replaced is kept as {}", kept.toAbsolutePath());
      }
      Files.move(restoring, store, StandardCopyOption.ATOMIC_MOVE);
      Files.writeString(marker, identity + "\n", StandardCharsets.UTF_8);
      LOG.warn("The embedded store {} was restored from {}", store.toAbsolutePath(),
          backup.toAbsolutePath());
    } catch (IOException e) {
      throw new StoreUnavailableException("Restoring " + backup.toAbsolutePath() + " into "
          + dataDir.toAbsolutePath() + " failed: " + e, "Check the file and the directory's"
          + " permissions and free space, then start again.");
    }
  }

  private static void refuseWhileInUse(Path store) throws IOException {
    if (!Files.exists(store)) {
      return;
    }
    try (FileChannel ch = FileChannel.open(store, StandardOpenOption.WRITE)) {
      FileLock lock = ch.tryLock();
      if (lock == null) {
        throw inUse(store);
      }
      lock.release();
    } catch (OverlappingFileLockException e) {
      throw inUse(store);
    }
  }

  private static StoreUnavailableException inUse(Path store) {
    return new StoreUnavailableException("The embedded store " + store.toAbsolutePath()
        + " is in use by another process; a restore needs it closed.",
        "Stop the instance that uses it, then start again with jointworks.restore-from.");
  }

  /** Unpacks the zip's store file to {@code target}; false when the zip has none. */
  private static boolean unpackStore(Path zip, Path target) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (Path.of(e.getName()).getFileName().toString().equals(BackupFiles.STORE_FILE)) {
          copy(in, target);
          return true;
        }
      }
    }
    return false;
  }

  private static void copy(InputStream in, Path target) throws IOException {
    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }
}
