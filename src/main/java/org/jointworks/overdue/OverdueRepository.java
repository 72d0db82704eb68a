package org.jointworks.overdue;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The record of overdue notices sent (migration V142). Bound parameters only. */
@Repository
class OverdueRepository {
  private final NamedParameterJdbcTemplate jdbc;

  OverdueRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  boolean sent(OverdueItem item) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM overdue_notices WHERE item_kind = :k"
        + " AND item_ref = :r AND milestone = :m", params(item), Integer.class);
    return n != null && n > 0;
  }

  /**
   * Records the notice; the unique (item_kind, item_ref, milestone) makes a second record, by
   * this instance or another, fail with a {@code DuplicateKeyException}.
   */
  void record(OverdueItem item, Instant at) {
    jdbc.update("""
        INSERT INTO overdue_notices (item_kind, item_ref, milestone, due_on, notified_at)
        VALUES (:k, :r, :m, :d, :at)""",
        params(item).addValue("d", item.dueOn()).addValue("at", Timestamp.from(at)));
  }

  private static MapSqlParameterSource params(OverdueItem item) {
    return new MapSqlParameterSource().addValue("k", item.kind()).addValue("r", item.ref())
        .addValue("m", item.milestone());
  }
}
