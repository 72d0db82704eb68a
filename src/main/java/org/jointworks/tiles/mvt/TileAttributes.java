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
 * view over the feature, not a copy. Why (decision 88): a copied map per feature cost several
 * hundred bytes each, 1,000,000 works' worth beside the analyses' snapshot of the same features;
 * the view costs one reference. Immutable as the feature is; thread-safe.
 */
final class TileAttributes extends AbstractMap<String, Object> {
  private final Feature feature;

  TileAttributes(Feature feature) {
    this.feature = feature;
  }

  private static Object tile(Object v) {
    return v instanceof LocalDate d ? d.toString() : v;
  }

  @Override
  public Object get(Object key) {
    if ("id".equals(key)) {
      return feature.id();
    }
    return tile(feature.properties().get(key));
  }

  @Override
  public boolean containsKey(Object key) {
    return "id".equals(key) || feature.properties().containsKey(key);
  }

  @Override
  public int size() {
    return feature.properties().size() + (feature.properties().containsKey("id") ? 0 : 1);
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
        Iterator<Entry<String, Object>> rest = feature.properties().entrySet().iterator();
        return new Iterator<>() {
          private boolean idGiven;
          private Entry<String, Object> next = advance();

          private Entry<String, Object> advance() {
            if (!idGiven) {
              idGiven = true;
              return Map.entry("id", feature.id());
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
