package org.jointworks.layers;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;

/**
 * PostGIS: an import into an empty layer checks the table's foreign keys once, after its rows are
 * in, instead of once per row (decision 107). PostgreSQL checks a foreign key with a trigger that
 * looks the referenced row up and locks it, for every row: about 0.6 of the server's 1.2
 * CPU-seconds for 100,000 communities, where the same check as one anti-join takes 0.03. A bulk
 * load by hand adds its foreign keys afterwards for this reason; dropping and adding the
 * constraint here would lock the referenced table (the districts) against every reader until the
 * commit, so the triggers are switched off instead, for each COPY only, with
 * {@code session_replication_role = replica}, the switch logical replication and
 * {@code pg_restore} use.
 *
 * <p>That setting needs a superuser or a role granted {@code SET} on it (PostgreSQL 15); any other
 * role checks row by row as before. It is used only when the table has no trigger or rule other
 * than its foreign keys' own, so nothing else is skipped. It is set and reset around each COPY
 * only, inside the import's transaction, so every other statement runs with every trigger.
 *
 * <p>Why no row can escape the check: the table is locked {@code ACCESS EXCLUSIVE} and empty when
 * the load starts ({@link EmptyLayerLoad}), so every row the check reads is the import's own; a
 * transaction deleting or renaming a referenced row checks this table with its own trigger, which
 * waits for the lock until the import has committed and then sees its rows. A violation found
 * refuses the import with PostgreSQL's own SQLSTATE (23503), so it is answered as a conflict and
 * the transaction rolls back. One per import, on its writing thread.
 */
final class DeferredForeignKeys {
  private static final String FOREIGN_KEY_VIOLATION = "23503";
  /** The setting whose {@code replica} value keeps the foreign keys' triggers from firing. */
  private static final String ROLE = "session_replication_role";

  private final Connection connection;
  private final String table;
  /** For each foreign key, its name and a query that finds a row violating it. */
  private final List<String[]> checks;
  /** The setting as the transaction had it (normally {@code origin}), restored after each COPY. */
  private final String previous;

  private DeferredForeignKeys(Connection connection, String table, List<String[]> checks,
      String previous) {
    this.connection = connection;
    this.table = table;
    this.checks = checks;
    this.previous = previous;
  }

  /**
   * The foreign keys of {@code layer}'s table, to check once; null when they stay row by row (the
   * role may not switch triggers off, the table has another trigger or a rule, or no key).
   */
  static DeferredForeignKeys begin(Connection c, Layer layer) throws SQLException {
    if (hasOtherTriggersOrRules(c, layer.table())) {
      return null;
    }
    List<String[]> checks = checks(c, layer.table());
    if (checks.isEmpty()) {
      return null;
    }
    Savepoint before = c.setSavepoint();
    try {
      String previous = EmptyLayerLoad.setting(c, ROLE);
      // Only to learn whether this role may: the COPYs switch it on for themselves.
      setRole(c, "replica");
      setRole(c, previous);
      c.releaseSavepoint(before);
      return new DeferredForeignKeys(c, layer.table(), checks, previous);
    } catch (SQLException e) {
      EmptyLayerLoad.backTo(c, before, e, EmptyLayerLoad.INSUFFICIENT_PRIVILEGE);
      return null;
    }
  }

  /**
   * One COPY with the foreign keys' triggers off; the setting is back when it returns. (A COPY that
   * fails aborts the transaction, which then runs nothing more and takes the setting with it.)
   */
  void copy(BulkInsert.Rows rows, List<Feature> features, List<PreparedColumns> prepared)
      throws SQLException {
    setRole(connection, "replica");
    rows.insert(features, prepared);
    setRole(connection, previous);
  }

  /** Every row against every foreign key, once; throws SQLSTATE 23503 at the first violation. */
  void check() throws SQLException {
    for (String[] check : checks) {
      try (PreparedStatement ps = connection.prepareStatement(check[1]);
          ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          throw new SQLException("insert into " + table + " violates foreign key constraint "
              + check[0], FOREIGN_KEY_VIOLATION);
        }
      }
    }
  }

  private static void setRole(Connection c, String value) throws SQLException {
    EmptyLayerLoad.setLocal(c, ROLE, value);
  }

  private static boolean hasOtherTriggersOrRules(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_trigger t"
        + " WHERE t.tgrelid = ?::regclass AND NOT (t.tgisinternal AND EXISTS (SELECT 1"
        + " FROM pg_constraint k WHERE k.oid = t.tgconstraint AND k.contype = 'f')))"
        + " OR EXISTS (SELECT 1 FROM pg_rewrite r WHERE r.ev_class = ?::regclass)")) {
      ps.setString(1, table);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /**
   * For each foreign key of {@code table}, a query finding a row whose key is set (MATCH SIMPLE:
   * a row with a null in its key is not checked) and has no referenced row. Identifiers come
   * from the catalogue, quoted by {@code quote_ident} and {@code regclass}.
   */
  private static List<String[]> checks(Connection c, String table) throws SQLException {
    List<String[]> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT k.conname, k.confrelid::regclass::text,"
        + " array(SELECT quote_ident(a.attname) FROM unnest(k.conkey) WITH ORDINALITY u(n, i)"
        + "   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i),"
        + " array(SELECT quote_ident(a.attname) FROM unnest(k.confkey) WITH ORDINALITY u(n, i)"
        + "   JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i)"
        + " FROM pg_constraint k WHERE k.conrelid = ?::regclass AND k.contype = 'f'"
        + " ORDER BY k.conname")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String[] from = strings(rs.getArray(3));
          String[] to = strings(rs.getArray(4));
          StringBuilder set = new StringBuilder();
          StringBuilder match = new StringBuilder();
          for (int i = 0; i < from.length; i++) {
            set.append(i == 0 ? "" : " AND ").append("t.").append(from[i]).append(" IS NOT NULL");
            match.append(i == 0 ? "" : " AND ").append("r.").append(to[i]).append(" = t.")
                .append(from[i]);
          }
          out.add(new String[] {rs.getString(1), "SELECT 1 FROM " + table + " t WHERE " + set
              + " AND NOT EXISTS (SELECT 1 FROM " + rs.getString(2) + " r WHERE " + match
              + ") LIMIT 1"});
        }
      }
    }
    return out;
  }

  private static String[] strings(Array array) throws SQLException {
    return (String[]) array.getArray();
  }
}
