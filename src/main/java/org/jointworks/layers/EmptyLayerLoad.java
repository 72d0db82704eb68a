package org.jointworks.layers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * PostGIS: an import into an <b>empty</b> layer loads its rows without the table's secondary
 * indexes and builds them once before the commit (decision 106). PostgreSQL kept the GiST and
 * B-tree indexes row by row during each COPY (about 1 of its 1.7 CPU-seconds for 100,000
 * communities, on the cores the service's parsing needs too); a sorted build after the load costs
 * a fifth of that.
 *
 * <p>Everything happens inside the import's transaction; PostgreSQL's DDL is transactional, so a
 * refusal, an error or a killed service (the server aborts the transaction when the connection
 * goes) leaves the layer as it was: empty, every index in place. Constraint indexes (the primary
 * key), unique indexes and foreign keys stay; the foreign keys are checked once after the load
 * where the role may switch their triggers off ({@link DeferredForeignKeys}, decision 107), else
 * row by row.
 *
 * <p>The table is locked {@code ACCESS EXCLUSIVE} first and its emptiness read under the lock,
 * so no other transaction can add a row the dropped indexes would miss. The lock is asked for
 * {@link #LOCK_WAIT} only: if another transaction uses the table (a reader, a single write, a
 * second import, an instance's dump), the import goes back to its savepoint — which releases the
 * lock request — and loads row by row as before, so it never waits behind a reader and two imports
 * cannot deadlock on the upgrade. While it holds the lock, readers of that (empty) layer in the
 * store wait for its commit; the analyses and items pages read the snapshots, not the table.
 *
 * <p>One per import, on its writing thread.
 */
final class EmptyLayerLoad {
  /** How long an import waits for the table's lock before loading row by row instead. */
  static final String LOCK_WAIT = "100ms";
  /** PostgreSQL's SQLSTATE for a lock not granted in time (lock_timeout, NOWAIT). */
  private static final String LOCK_NOT_AVAILABLE = "55P03";
  private static final String DEADLOCK_DETECTED = "40P01";
  /**
   * A service whose database role does not own the layer's tables (migrations run by another
   * role) may not drop their indexes: it loads row by row, as before this class.
   */
  static final String INSUFFICIENT_PRIVILEGE = "42501";

  private final Connection connection;
  /** {@code pg_get_indexdef} of each index dropped, to build again in {@link #finish}. */
  private final List<String> definitions;
  /** The table's foreign keys, checked once in {@link #finish}; null: row by row (decision 107). */
  private final DeferredForeignKeys keys;

  private EmptyLayerLoad(Connection connection, List<String> definitions,
      DeferredForeignKeys keys) {
    this.connection = connection;
    this.definitions = definitions;
    this.keys = keys;
  }

  /**
   * Locks {@code layer}'s table and drops its secondary indexes if the table is empty and the lock
   * comes within {@link #LOCK_WAIT}; null (nothing changed, no lock kept) otherwise.
   */
  static EmptyLayerLoad begin(Connection c, Layer layer) throws SQLException {
    Savepoint before = c.setSavepoint();
    try {
      String lockTimeout = setting(c, "lock_timeout");
      setLocal(c, "lock_timeout", LOCK_WAIT);
      try (Statement st = c.createStatement()) {
        // The table name is the layer's own (an enum), never a client's text.
        st.execute("LOCK TABLE " + layer.table() + " IN ACCESS EXCLUSIVE MODE");
      }
      setLocal(c, "lock_timeout", lockTimeout);
      if (hasRows(c, layer)) {
        c.rollback(before); // releases the lock: the rows go in as any import's do
        c.releaseSavepoint(before);
        return null;
      }
      List<String> names = new ArrayList<>();
      List<String> definitions = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT i.indexrelid::regclass::text,"
          + " pg_get_indexdef(i.indexrelid) FROM pg_index i WHERE i.indrelid = ?::regclass"
          + " AND NOT i.indisunique"
          + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)"
          + " ORDER BY 1")) {
        ps.setString(1, layer.table());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            names.add(rs.getString(1));
            definitions.add(rs.getString(2));
          }
        }
      }
      try (Statement st = c.createStatement()) {
        for (String name : names) {
          // A name from the catalogue, quoted by regclass's output where it needs quoting.
          st.execute("DROP INDEX " + name);
        }
      }
      c.releaseSavepoint(before);
      return new EmptyLayerLoad(c, List.copyOf(definitions), DeferredForeignKeys.begin(c, layer));
    } catch (SQLException e) {
      // Someone else uses the table, or the role may not change it: back to the savepoint (the
      // lock timeout and the lock with it), row by row.
      backTo(c, before, e, LOCK_NOT_AVAILABLE, DEADLOCK_DETECTED, INSUFFICIENT_PRIVILEGE);
      return null;
    }
  }

  /**
   * Rolls back to {@code savepoint} and releases it when {@code e} is one of the {@code expected}
   * SQLSTATEs, so the transaction goes on as if the savepoint's work had not been tried; throws
   * {@code e} otherwise.
   */
  static void backTo(Connection c, Savepoint savepoint, SQLException e, String... expected)
      throws SQLException {
    if (!List.of(expected).contains(e.getSQLState())) {
      throw e;
    }
    c.rollback(savepoint);
    c.releaseSavepoint(savepoint);
  }

  /** One batch of the load, its foreign keys checked later where they can be. */
  void insert(BulkInsert.Rows rows, List<Feature> features, List<PreparedColumns> prepared)
      throws SQLException {
    if (keys != null) {
      keys.copy(rows, features, prepared);
    } else {
      rows.insert(features, prepared);
    }
  }

  /**
   * Checks the foreign keys left to the end, then builds the dropped indexes again, in the
   * import's transaction, before its commit.
   */
  void finish() throws SQLException {
    if (keys != null) {
      keys.check();
    }
    try (Statement st = connection.createStatement()) {
      for (String definition : definitions) {
        st.execute(definition);
      }
    }
  }

  /** A setting's value in this transaction ({@code current_setting}). */
  static String setting(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT current_setting(?)")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** Sets a setting until the transaction ends ({@code set_config(…, true)}), bound, not spliced. */
  static void setLocal(Connection c, String name, String value) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT set_config(?, ?, true)")) {
      ps.setString(1, name);
      ps.setString(2, value);
      ps.execute();
    }
  }

  private static boolean hasRows(Connection c, Layer layer) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM " + layer.table() + ")")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

}
