package org.jointworks.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Before any bean is created (the context is prepared, not refreshed), opens the embedded store once: a store that cannot
 * open, or that another instance holds, stops the start-up with one message saying what failed
 * and what to do (the newest backup and the option that restores it), instead of a stack trace
 * from the middle of the context. With {@code jointworks.restore-from} set, restores that backup
 * first ({@link StoreRestore}).
 *
 * <p>Runs only for an H2 file URL; PostGIS reports its own connection errors. Registered in
 * {@code META-INF/spring.factories}, since it runs before any bean exists.
 */
public class StoreCheck implements ApplicationListener<ApplicationPreparedEvent>,
    Ordered {
  /** H2's error code for a database file that another process has open (its file lock). */
  private static final int DATABASE_ALREADY_OPEN = 90020;

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void onApplicationEvent(ApplicationPreparedEvent event) {
    // The context's environment: with every property source, a test's dynamic ones included.
    ConfigurableEnvironment env = event.getApplicationContext().getEnvironment();
    String url = env.getProperty("spring.datasource.url", "");
    if (!url.startsWith("jdbc:h2:file:")) {
      return;
    }
    Path dataDir = Path.of(env.getProperty("jointworks.data-dir", "./data"));
    String restoreFrom = env.getProperty("jointworks.restore-from", "");
    if (!restoreFrom.isBlank()) {
      StoreRestore.restore(dataDir, Path.of(restoreFrom));
    }
    if (!Files.exists(dataDir.resolve(BackupFiles.STORE_FILE))) {
      return; // a first start: nothing to check, and no file to create here
    }
    open(url, env.getProperty("spring.datasource.username", "sa"),
        env.getProperty("spring.datasource.password", ""), dataDir);
  }

  static void open(String url, String user, String password, Path dataDir) {
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      c.isValid(1);
    } catch (SQLException e) {
      Path store = dataDir.resolve(BackupFiles.STORE_FILE).toAbsolutePath();
      if (e.getErrorCode() == DATABASE_ALREADY_OPEN) {
        throw new StoreUnavailableException("The embedded store " + store
            + " is in use by another process (another JointWorks instance?). The embedded store"
            + " serves one instance only; this one refuses to start rather than share it.",
            "Stop the other instance, or give this one its own jointworks.data-dir. Several"
            + " instances need the postgis profile (docs/operations.md).");
      }
      throw new StoreUnavailableException("The embedded store " + store + " cannot be opened: "
          + firstLine(e.getMessage()), restoreAdvice(dataDir));
    }
  }

  private static String restoreAdvice(Path dataDir) {
    Optional<Path> newest = BackupFiles.newest(dataDir);
    if (newest.isEmpty()) {
      return "No backup exists in " + BackupFiles.directory(dataDir).toAbsolutePath()
          + ". Move the damaged file aside and start again for an empty store, or restore a"
          + " backup kept elsewhere with --jointworks.restore-from=<file.zip>"
          + " (docs/operations.md).";
    }
    return "Restore the newest backup by starting once with --jointworks.restore-from="
        + newest.get().toAbsolutePath() + " (the damaged file is kept beside the store;"
        + " docs/operations.md).";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
