package org.jointworks.tiles.mvt;

import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jointworks.layers.Feature;

/**
 * A feature's tile attributes (its id, then its properties with dates as ISO text) as a read-only
 * view over the feature's properties, not a copy. Why (decision 88): a copied map per feature cost several
 * hundred bytes each, 1,000,000 works' worth beside the analyses' snapshot of the same features;
 * the view costs two fields. Immutable as the feature is; thread-safe.
 */
final class TileAttributes extends AbstractMap<String, Object> {
  private final long id;
  /**
   * The feature's own (unmodifiable) properties, not the feature: its lon/lat geometry is then
   * not kept alive by the tiles when the analyses hold another copy read from the store.
   */
  private final Map<String, Object> properties;

  TileAttributes(Feature feature) {
    this.id = feature.id();
    this.properties = feature.properties();
  }

  private static Object tile(Object v) {
    return v instanceof LocalDate d ? d.toString() : v;
  }

  @Override
  public Object get(Object key) {
    if ("id".equals(key)) {
      return id;
    }
    return tile(properties.get(key));
  }

  @Override
  public boolean containsKey(Object key) {
    return "id".equals(key) || properties.containsKey(key);
  }

  @Override
  public int size() {
    return properties.size() + (properties.containsKey("id") ? 0 : 1);
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return TileAttributes.this.size();
      }

      @Override
      public Iterator<Entry<String, Object>> iterator() {
        Iterator<Entry<String, Object>> rest = properties.entrySet().iterator();
        return new Iterator<>() {
          private boolean idGiven;
          private Entry<String, Object> next = advance();

          private Entry<String, Object> advance() {
            if (!idGiven) {
              idGiven = true;
              return Map.entry("id", id);
            }
            while (rest.hasNext()) {
              Entry<String, Object> e = rest.next();
              if (!"id".equals(e.getKey())) {
                return new SimpleImmutableEntry<>(e.getKey(), tile(e.getValue()));
              }
            }
            return null;
          }

          @Override
          public boolean hasNext() {
            return next != null;
          }

          @Override
          public Entry<String, Object> next() {
            if (next == null) {
              throw new NoSuchElementException();
            }
            Entry<String, Object> e = next;
            next = advance();
            return e;
          }
        };
      }
    };
  }
}
