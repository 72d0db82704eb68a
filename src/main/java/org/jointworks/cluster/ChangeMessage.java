package org.jointworks.cluster;

import java.util.Optional;
import org.jointworks.layers.Layer;
import org.jointworks.layers.LayerRevisions.LayerChange;
import org.locationtech.jts.geom.Envelope;

/**
 * The payload of a layer notification: {@code layer revision envelope ids}, e.g.
 * {@code communities 42 113.9,35.2,113.91,35.21 1001,1002}, with {@code -} for "unknown" and
 * {@code .} for "no ids". When the ids would not fit PostgreSQL's payload limit, the message is
 * cut to {@code layer revision} and the listener reads the change from the log instead.
 * Stateless.
 */
final class ChangeMessage {
  /** PostgreSQL refuses payloads of 8,000 bytes and more; keep well under. */
  static final int MAX_PAYLOAD = 7000;

  private ChangeMessage() {}

  /** A heard message: the change when it was sent whole, or just the revision to catch up to. */
  record Heard(Layer layer, long revision, LayerChange change) {}

  static String format(Layer layer, LayerChange c) {
    Envelope e = c.touched();
    String env = e == null ? "-" : e.getMinX() + "," + e.getMinY() + "," + e.getMaxX() + ","
        + e.getMaxY();
    String ids = c.ids() == null ? "-" : c.ids().length == 0 ? "." : ids(c.ids());
    String whole = layer.id() + " " + c.revision() + " " + env + " " + ids;
    return whole.length() <= MAX_PAYLOAD ? whole : layer.id() + " " + c.revision();
  }

  static Optional<Heard> parse(String payload) {
    String[] parts = payload == null ? new String[0] : payload.trim().split(" ");
    if (parts.length < 2) {
      return Optional.empty();
    }
    Optional<Layer> layer = Layer.byId(parts[0]);
    if (layer.isEmpty()) {
      return Optional.empty();
    }
    try {
      long revision = Long.parseLong(parts[1]);
      if (parts.length < 4) {
        return Optional.of(new Heard(layer.get(), revision, null));
      }
      Envelope e = null;
      if (!"-".equals(parts[2])) {
        String[] v = parts[2].split(",");
        e = new Envelope(Double.parseDouble(v[0]), Double.parseDouble(v[2]),
            Double.parseDouble(v[1]), Double.parseDouble(v[3]));
      }
      return Optional.of(new Heard(layer.get(), revision,
          new LayerChange(revision, ids("-".equals(parts[3]) ? null
          : ".".equals(parts[3]) ? "" : parts[3]), e)));
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
  }

  /** Ids as comma-separated text, or {@code -} (in messages) / null (in the log) when unknown. */
  static String ids(long[] ids) {
    if (ids == null) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (long id : ids) {
      b.append(b.isEmpty() ? "" : ",").append(id);
    }
    return b.toString();
  }

  static long[] ids(String text) {
    if (text == null) {
      return null;
    }
    if (text.isEmpty()) {
      return new long[0];
    }
    String[] parts = text.split(",");
    long[] out = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Long.parseLong(parts[i]);
    }
    return out;
  }
}
