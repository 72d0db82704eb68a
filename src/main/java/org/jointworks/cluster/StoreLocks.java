package org.jointworks.cluster;

import javax.sql.DataSource;
import org.jointworks.system.StoreDialect;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Locks held by the store, for rules that must hold across every instance writing it (the
 * linked areas' overlap rule, decision 37). On PostGIS, {@link #lockForTransaction} takes a
 * transaction-scoped advisory lock ({@code pg_advisory_xact_lock}): it waits for any other
 * holder, on any instance, and is released by the commit or rollback, so a check made under it
 * sees every write made under it before. On the embedded store, which one instance owns, the
 * callers' own JVM lock suffices and this does nothing. Thread-safe.
 */
@Component
public class StoreLocks {
  private final JdbcTemplate jdbc;
  private final boolean shared;

  StoreLocks(JdbcTemplate jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.shared = StoreDialect.of(dataSource) == StoreDialect.POSTGIS;
  }

  /** Holds the lock {@code name} until the current transaction ends (which must be active). */
  public void lockForTransaction(String name) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("a store lock needs a transaction to end it");
    }
    if (shared) {
      jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext(?))", name);
    }
  }
}
