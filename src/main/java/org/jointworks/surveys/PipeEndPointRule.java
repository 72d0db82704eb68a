package org.jointworks.surveys;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Layer;
import org.jointworks.layers.LayerWriteRule;
import org.jointworks.system.ApiException;
import org.jointworks.system.JointWorksUser;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The link between a pipeline and its end points on every generic write (REST, the layers'
 * imports, OGC API Part 4, the file imports; decision 77), not only in the survey import:
 *
 * <ul>
 *   <li>a pipeline's {@code start_point}/{@code end_point}, when given, names a pipe point of the
 *       pipeline's own owner ({@code pipelines.point_unknown}, 422);</li>
 *   <li>a pipe point that a pipeline of its owner still names is neither deleted nor renumbered
 *       nor given to another owner ({@code pipe_points.referenced}, 409).</li>
 * </ul>
 *
 * <p>Indexed lookups (index {@code pipe_points_number}, and the pipelines' end-point indexes of
 * V220) inside the write's transaction, so a survey's points stored earlier in the same
 * transaction count; a transaction that writes many pipelines reads its owners' point numbers
 * once ({@code Known}). Limit: the read is not a lock; a point deleted by a concurrent
 * transaction between this check and the commit of a line naming it is not caught (no foreign
 * key: point numbers are text and a line's owner may change). Thread-safe and stateless.
 */
@Component
class PipeEndPointRule implements LayerWriteRule {
  private final NamedParameterJdbcTemplate jdbc;

  PipeEndPointRule(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Feature check(Layer layer, JointWorksUser user, Feature before, Feature after) {
    if (layer == Layer.PIPELINES && after != null) {
      for (String end : new String[] {"start_point", "end_point"}) {
        String number = after.text(end);
        if (number != null && !pointExists(after.text("owner"), number)) {
          throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "pipelines.point_unknown",
              end + " '" + number + "' is not a pipe point of owner '" + after.text("owner") + "'",
              Map.of("field", end, "point", number, "owner", String.valueOf(after.text("owner"))));
        }
      }
    } else if (layer == Layer.PIPE_POINTS && known() != null) {
      known().numbers.clear(); // this transaction changes points: read them again
    }
    if (layer == Layer.PIPE_POINTS && before != null && (after == null
        || !Objects.equals(before.text("owner"), after.text("owner"))
        || !Objects.equals(before.text("point_no"), after.text("point_no")))) {
      long lines = referencing(before.text("owner"), before.text("point_no"));
      if (lines > 0) {
        throw ApiException.of(HttpStatus.CONFLICT, "pipe_points.referenced",
            "pipe point '" + before.text("point_no") + "' is an end of " + lines
                + " pipeline(s) of its owner; change or delete those first",
            Map.of("point", before.text("point_no"), "count", lines));
      }
    }
    return after;
  }

  private boolean pointExists(String owner, String number) {
    if (owner == null) {
      return false;
    }
    Known known = known();
    if (known != null && known.lookups++ >= Known.SINGLE_LOOKUPS) {
      return known.numbers.computeIfAbsent(owner, this::numbersOf).contains(number);
    }
    return Boolean.TRUE.equals(jdbc.queryForObject(
        "SELECT COUNT(*) > 0 FROM pipe_points WHERE owner = :owner AND point_no = :no",
        Map.of("owner", owner, "no", number), Boolean.class));
  }

  private Set<String> numbersOf(String owner) {
    Set<String> out = new HashSet<>();
    jdbc.query("SELECT point_no FROM pipe_points WHERE owner = :owner", Map.of("owner", owner),
        (RowCallbackHandler) rs -> out.add(rs.getString(1)));
    return out;
  }

  /**
   * The point numbers read in this transaction, per owner: a write of many pipelines (an import
   * of 20,000 lines) asks one query per owner instead of two per line (docs/surveys.md, speed).
   * The first {@link #SINGLE_LOOKUPS} lookups of a transaction are single indexed queries, so a
   * single write never reads a whole owner's points. Any pipe-point write in the transaction
   * drops it. Null outside a transaction.
   */
  private static Known known() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    Known k = (Known) TransactionSynchronizationManager.getResource(Known.class);
    if (k == null) {
      k = new Known();
      TransactionSynchronizationManager.bindResource(Known.class, k);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(Known.class);
        }
      });
    }
    return k;
  }

  /** One transaction's cache; confined to the transaction's thread. */
  private static final class Known {
    static final int SINGLE_LOOKUPS = 32;
    final Map<String, Set<String>> numbers = new HashMap<>();
    int lookups;
  }

  private long referencing(String owner, String number) {
    Long n = jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM pipelines WHERE owner = :owner"
            + " AND start_point = :no) + (SELECT COUNT(*) FROM pipelines WHERE owner = :owner"
            + " AND end_point = :no AND (start_point IS NULL OR start_point <> :no))",
        Map.of("owner", owner, "no", number), Long.class);
    return n == null ? 0 : n;
  }
}
