package org.jointworks.cluster;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jointworks.layers.Layer;
import org.jointworks.layers.LayerRevisions.LayerChange;
import org.jointworks.layers.RevisionJournal;
import org.locationtech.jts.geom.Envelope;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The layers' revisions and change log in PostgreSQL (tables of {@code V90__layer_revisions}),
 * and the notification each write sends on commit.
 *
 * <p>{@link #record} runs in the write's transaction: an upsert of the layer's row (which takes
 * its row lock until commit, so one layer's writes commit in revision order and a rolled-back
 * write gives its number back), a change row, and {@code pg_notify}, which PostgreSQL delivers
 * only if and when the transaction commits. The notification names the layer and revision and,
 * when they fit in PostgreSQL's 8,000-byte payload, the ids and envelope, so listeners need not
 * read the log back ({@link ChangeMessage}). Thread-safe (stateless apart from the template).
 */
@Component
@Profile("postgis")
class PostgresRevisionJournal implements RevisionJournal {
  /** The channel every instance listens on. */
  static final String CHANNEL = "jointworks_layers";
  /** Change rows kept per layer; older ones are pruned by every PRUNE_EVERY-th write. */
  static final int KEPT = 8192;
  static final int PRUNE_EVERY = 512;

  private final JdbcTemplate jdbc;

  PostgresRevisionJournal(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long record(Layer layer, long[] ids, Envelope touched) {
    Long revision = jdbc.queryForObject("INSERT INTO layer_revisions (layer, revision)"
        + " VALUES (?, 1) ON CONFLICT (layer) DO UPDATE"
        + " SET revision = layer_revisions.revision + 1 RETURNING revision", Long.class,
        layer.id());
    long r = revision == null ? 0 : revision;
    boolean known = touched != null && !touched.isNull();
    jdbc.update("INSERT INTO layer_changes (layer, revision, ids, min_x, min_y, max_x, max_y)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)", layer.id(), r, ChangeMessage.ids(ids),
        known ? touched.getMinX() : null, known ? touched.getMinY() : null,
        known ? touched.getMaxX() : null, known ? touched.getMaxY() : null);
    if (r % PRUNE_EVERY == 0) {
      jdbc.update("DELETE FROM layer_changes WHERE layer = ? AND revision <= ?", layer.id(),
          r - KEPT);
    }
    jdbc.queryForList("SELECT pg_notify(?, ?)", CHANNEL,
        ChangeMessage.format(layer, new LayerChange(r, ids, known ? touched : null)));
    return r;
  }

  @Override
  public Map<Layer, Long> current() {
    Map<Layer, Long> out = new EnumMap<>(Layer.class);
    jdbc.query("SELECT layer, revision FROM layer_revisions", (RowCallbackHandler) rs -> {
      long revision = rs.getLong(2);
      Layer.byId(rs.getString(1)).ifPresent(l -> out.put(l, revision));
    });
    return out;
  }

  @Override
  public List<LayerChange> changesBetween(Layer layer, long from, long to) {
    List<LayerChange> out = new ArrayList<>();
    jdbc.query("SELECT revision, ids, min_x, min_y, max_x, max_y FROM layer_changes"
        + " WHERE layer = ? AND revision > ? AND revision <= ? ORDER BY revision",
        (RowCallbackHandler) rs -> {
          Envelope e = rs.getObject(3) == null ? null
              : new Envelope(rs.getDouble(3), rs.getDouble(5), rs.getDouble(4), rs.getDouble(6));
          out.add(new LayerChange(rs.getLong(1), ChangeMessage.ids(rs.getString(2)), e));
        }, layer.id(), from, to);
    if (out.size() != to - from) {
      // Pruned (or a bad target): one change of unknown reach stands for the whole span.
      return List.of(new LayerChange(to, null, null));
    }
    return out;
  }

  @Override
  public String epoch() {
    String token = jdbc.queryForObject("SELECT token FROM store_epoch", String.class);
    return token == null ? "pg" : token.substring(0, Math.min(8, token.length()));
  }
}
