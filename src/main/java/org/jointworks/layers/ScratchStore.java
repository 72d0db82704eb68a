package org.jointworks.layers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.jointworks.system.ProcessDirectories;

/**
 * A throwaway H2 database in a temporary directory with a table shaped like a layer's (the same
 * column types, key, referencing column with its foreign key), for {@link ImportWarmUp} to run
 * the import's writer against (decision 104): H2's insert, index and commit code is most of what
 * the JIT compiles during a first import into the embedded store. Never the service's store;
 * deleted on close. One thread.
 */
final class ScratchStore implements AutoCloseable {
  /** Its directory's name: this prefix, the JVM's process id, a dash, a random suffix. */
  static final String PREFIX = "jointworks-warm-up-";

  private final Path dir;
  private final Connection connection;

  ScratchStore() {
    try {
      // A service killed during its warm-up cannot delete its directory (about 35 MB): the next
      // one deletes those of processes that are gone.
      this.dir = ProcessDirectories.create(Path.of(System.getProperty("java.io.tmpdir")), PREFIX);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      // The store's own settings (application.yml), so the same code paths run.
      this.connection = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("scratch")
          + ";WRITE_DELAY=0;CACHE_SIZE=131072", "sa", "");
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      ProcessDirectories.delete(dir);
      throw new IllegalStateException("cannot open the warm-up's scratch database", e);
    }
  }

  Connection connection() {
    return connection;
  }

  /** Where its files are, until it is closed. */
  Path directory() {
    return dir;
  }

  /** Creates {@code layer}'s table; {@code parentKey} is the one value its references may name. */
  void create(Layer layer, String parentKey) throws SQLException {
    String columns = layer.fields().stream().map(f -> f.name() + " " + type(f)
        + (f.required() ? " NOT NULL" : "")
        + (f.reference() == Field.Reference.NONE ? "" : " REFERENCES parents (code)"))
        .collect(Collectors.joining(", "));
    try (Statement st = connection.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS parents (code VARCHAR(64) PRIMARY KEY)");
      st.execute("CREATE TABLE " + layer.table() + " (id BIGINT PRIMARY KEY, version BIGINT NOT"
          + " NULL, geom GEOMETRY(GEOMETRY, 4490), " + columns + ")");
    }
    try (PreparedStatement parent = connection.prepareStatement(
        "MERGE INTO parents KEY (code) VALUES (?)")) {
      parent.setString(1, parentKey);
      parent.executeUpdate();
    }
    connection.commit();
  }

  private static String type(Field f) {
    return switch (f.type()) {
      case TEXT -> "VARCHAR(" + f.maxLength() + ")";
      case INTEGER -> "BIGINT";
      case DECIMAL -> "DOUBLE PRECISION";
      case DATE -> "DATE";
    };
  }

  @Override
  public void close() {
    try {
      connection.rollback();
      try (Statement st = connection.createStatement()) {
        st.execute("SHUTDOWN IMMEDIATELY");
      } catch (SQLException closedAlready) {
        // SHUTDOWN closes the connection as it answers
      }
      connection.close();
    } catch (SQLException e) {
      // a scratch database: nothing of value is lost
    } finally {
      ProcessDirectories.delete(dir);
    }
  }
}
