package org.jointworks.layers;

import java.util.List;
import java.util.Objects;

/**
 * A feature's columns made ready for the store on a reader thread, ahead of the import's one
 * writing thread (decision 101): that thread is the import's bottleneck, and encoding a geometry
 * (EWKB, and on H2GIS the engine's parse of it back into its own value with its envelope) or a
 * text (H2's value cache; COPY's escaping) is work any core can do. Column 0 is the geometry, then
 * the layer's fields in order; a null column is left to the writer.
 *
 * <p>A write rule may change the feature between the read and the write (a work imported without a
 * status becomes a draft): {@link #column} then answers null for each changed column, and the
 * writer encodes that one itself, so what is stored is always the feature as written.
 */
record PreparedColumns(Feature source, Object[] columns) {
  /** Column {@code c} prepared from {@code source}, or null when {@code written} differs there. */
  Object column(Feature written, int c, List<Field> fields) {
    Object prepared = columns[c];
    if (prepared == null) {
      return null;
    }
    if (c == 0) {
      return written.geometry() == source.geometry() ? prepared : null;
    }
    String name = fields.get(c - 1).name();
    return Objects.equals(written.get(name), source.get(name)) ? prepared : null;
  }

  /**
   * Whether {@code written} holds {@code source}'s geometry and every field's value: a writer that
   * took the whole row as one prepared piece (PostGIS, decision 116) uses it only then.
   */
  boolean unchanged(Feature written, List<Field> fields) {
    if (written.geometry() != source.geometry()) {
      return false;
    }
    if (written.properties() == source.properties()) {
      return true;
    }
    for (Field field : fields) {
      if (!Objects.equals(written.get(field.name()), source.get(field.name()))) {
        return false;
      }
    }
    return true;
  }
}
