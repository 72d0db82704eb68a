package org.jointworks.layers;

import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A feature's properties as one shared array of keys and one array of values, read-only, in the
 * order given. Why (decision 89): the snapshots hold every feature of a layer, and
 * 1,000,000 works held as {@code LinkedHashMap}s cost about 400 bytes of map per feature, plus
 * their own copy of every repeated value (the same owner, status, kind, date, a million times):
 * that, twice over when two snapshot kinds read the store, no longer fitted {@code -Xmx2g}. Here
 * the key array is shared by every feature with the same keys, and values that repeat are shared
 * too, so a work's properties cost about 120 bytes.
 *
 * <p>Sharing is bounded, so hostile input cannot grow it: at most {@link #MAX_SHAPES} key lists
 * and, per key, {@link #MAX_VALUES_PER_KEY} distinct values (a name field fills its quota with the
 * first names it sees and then stops sharing; a status field shares all of its few values).
 * Values are shared only for immutable types. Null values are kept as entries, as the copied
 * {@code LinkedHashMap} did. Immutable and thread-safe.
 */
public final class FeatureProperties extends AbstractMap<String, Object> {
  static final int MAX_SHAPES = 4_096;
  static final int MAX_VALUES_PER_KEY = 1_024;
  private static final int MAX_KEYS = 1_024;
  private static final Map<List<String>, String[]> SHAPES = new ConcurrentHashMap<>();
  private static final Map<String, Map<Object, Object>> VALUES = new ConcurrentHashMap<>();

  /** The shape last answered, tried first; racy by design: any shape it holds is a valid one. */
  private static volatile String[] lastShape;

  private final String[] keys;
  private final Object[] values;

  private FeatureProperties(String[] keys, Object[] values) {
    this.keys = keys;
    this.values = values;
  }

  /** {@code properties} as compact, shared where it can be; the same object if it already is. */
  public static Map<String, Object> of(Map<String, Object> properties) {
    if (properties instanceof FeatureProperties compact) {
      return compact;
    }
    int n = properties.size();
    String[] keys = new String[n];
    Object[] values = new Object[n];
    int i = 0;
    for (Map.Entry<String, Object> e : properties.entrySet()) {
      if (e.getKey() == null) {
        // Never from a layer's fields; kept as before rather than shared.
        return Collections.unmodifiableMap(new LinkedHashMap<>(properties));
      }
      keys[i] = e.getKey();
      values[i] = shared(e.getKey(), e.getValue());
      i++;
    }
    return new FeatureProperties(shape(keys), values);
  }

  private static String[] shape(String[] keys) {
    String[] last = lastShape;
    if (last != null && sameKeys(last, keys)) {
      return last;
    }
    String[] shared = sharedShape(keys);
    lastShape = shared; // only when the shape changed: no write shared between readers a feature
    return shared;
  }

  /**
   * Whether {@code keys} are {@code shape}'s by identity: the features of one import or one
   * snapshot put the layer's own field names, the same strings, in the same order, so this
   * answers without hashing the list (a few per cent of an import's reading, decision 115).
   */
  private static boolean sameKeys(String[] shape, String[] keys) {
    if (shape.length != keys.length) {
      return false;
    }
    for (int i = 0; i < keys.length; i++) {
      if (shape[i] != keys[i]) {
        return false;
      }
    }
    return true;
  }

  private static String[] sharedShape(String[] keys) {
    List<String> list = Arrays.asList(keys);
    String[] known = SHAPES.get(list);
    if (known != null) {
      return known;
    }
    if (SHAPES.size() >= MAX_SHAPES) {
      return keys;
    }
    String[] previous = SHAPES.putIfAbsent(List.of(keys.clone()), keys);
    return previous != null ? previous : keys;
  }

  private static Object shared(String key, Object value) {
    if (!(value instanceof String || value instanceof Long || value instanceof Double
        || value instanceof LocalDate || value instanceof Integer
        || value instanceof Boolean)) {
      return value;
    }
    Map<Object, Object> seen = VALUES.get(key);
    if (seen == null) {
      if (VALUES.size() >= MAX_KEYS) {
        return value;
      }
      seen = VALUES.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
    }
    Object known = seen.get(value);
    if (known != null) {
      return known;
    }
    if (seen.size() >= MAX_VALUES_PER_KEY) {
      return value;
    }
    Object previous = seen.putIfAbsent(value, value);
    return previous != null ? previous : value;
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public Object get(Object key) {
    int i = index(key);
    return i < 0 ? null : values[i];
  }

  @Override
  public boolean containsKey(Object key) {
    return index(key) >= 0;
  }

  private int index(Object key) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] == key) {
        return i;
      }
    }
    for (int i = 0; i < keys.length; i++) {
      if (keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keys.length;
          }

          @Override
          public Map.Entry<String, Object> next() {
            if (next >= keys.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]);
          }
        };
      }

      @Override
      public int size() {
        return keys.length;
      }
    };
  }
}
