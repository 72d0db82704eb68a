package org.jointworks.layers;

import javax.sql.DataSource;
import org.jointworks.system.StoreDialect;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands out feature ids from the store's {@code feature_ids} sequence in blocks of
 * {@value #BLOCK} (hi/lo): one round trip per block, ids unique across layers and restarts.
 * A rolled-back import leaves a gap, never a reuse. Thread-safe.
 */
@Component
class IdAllocator {
  /** Must equal the sequence's INCREMENT BY in V2__schema.sql. */
  static final int BLOCK = 1000;

  private final JdbcTemplate jdbc;
  private final String nextBlockSql;
  private long next;
  private long limit;

  IdAllocator(JdbcTemplate jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.nextBlockSql = StoreDialect.of(dataSource).nextIdBlockSql();
  }

  synchronized long next() {
    if (next >= limit) {
      Long start = jdbc.queryForObject(nextBlockSql, Long.class);
      next = start;
      limit = start + BLOCK;
    }
    return next++;
  }
}
