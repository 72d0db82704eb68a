package org.jointworks.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jointworks.system.ApiException;
import org.jointworks.system.Audit;
import org.jointworks.system.JointWorksProperties;
import org.jointworks.system.StoreDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Online backups of the embedded store. H2's {@code BACKUP TO} copies the store while the service
 * runs; the copy is transactionally consistent (H2 copies the committed state, not a torn file), so
 * no write has to stop. Each backup is written under a temporary name and renamed when complete,
 * so a crash during a backup never leaves a half file among the backups; afterwards only the
 * newest {@code jointworks.backup.keep} are kept.
 *
 * <p>PostGIS is backed up with {@code pg_dump} (docs/operations.md): there, {@link #create}
 * answers 409. Thread-safe: backups are made one at a time.
 */
@Service
public class Backups {
  private static final Logger LOG = LoggerFactory.getLogger(Backups.class);

  /** One backup as the API lists it. */
  public record Backup(String name, long bytes) {}

  private final JdbcTemplate jdbc;
  private final Path dataDir;
  private final int keep;
  private final boolean embedded;
  private final Audit audit;
  private final TransactionTemplate tx;

  Backups(DataSource dataSource, JointWorksProperties properties, BackupProperties backup,
      Audit audit, PlatformTransactionManager transactions) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.dataDir = properties.dataDir();
    this.keep = backup.keep();
    this.embedded = StoreDialect.of(dataSource) == StoreDialect.H2GIS;
    this.audit = audit;
    this.tx = new TransactionTemplate(transactions);
  }

  public boolean embedded() {
    return embedded;
  }

  /** Makes a backup now and drops the ones beyond {@code keep}; returns the new one. */
  public synchronized Backup create(String reason) {
    if (!embedded) {
      throw ApiException.of(HttpStatus.CONFLICT, "backup.not_embedded",
          "this service runs on PostGIS; back it up with pg_dump (docs/operations.md)", Map.of());
    }
    Path dir = BackupFiles.directory(dataDir);
    try {
      Files.createDirectories(dir);
      Instant at = Instant.now();
      Path target = dir.resolve(BackupFiles.nameFor(at));
      while (Files.exists(target)) {
        at = at.plusMillis(1);
        target = dir.resolve(BackupFiles.nameFor(at));
      }
      Path partial = dir.resolve(".partial-" + target.getFileName());
      Files.deleteIfExists(partial);
      jdbc.update("BACKUP TO ?", partial.toAbsolutePath().toString());
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      Backup made = new Backup(target.getFileName().toString(), Files.size(target));
      tx.executeWithoutResult(t -> audit.record("backup", "store", null, null,
          "{\"name\":\"" + made.name() + "\"}"));
      LOG.info("Backup {} made ({}, {} bytes)", target, reason, made.bytes());
      prune();
      return made;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a backup into " + dir, e);
    }
  }

  /** The backups on disk, newest first. */
  public List<Backup> list() {
    return BackupFiles.list(dataDir).stream().map(p -> {
      try {
        return new Backup(p.getFileName().toString(), Files.size(p));
      } catch (IOException e) {
        return new Backup(p.getFileName().toString(), -1);
      }
    }).toList();
  }

  private void prune() throws IOException {
    List<Path> all = BackupFiles.list(dataDir);
    for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
      Files.deleteIfExists(old);
      LOG.info("Backup {} deleted (jointworks.backup.keep = {})", old, keep);
    }
  }
}
