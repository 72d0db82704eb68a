package org.jointworks.geo;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The members of a parsed JSON object, for the {@code ObjectNode}s an import builds a feature a
 * few of (decision 117): in insertion order, a later value of a name replacing the earlier in its
 * place, as Jackson's own {@link LinkedHashMap}. Up to {@link #SMALL} members are two arrays
 * searched from the start — a feature's properties are a dozen at most, and a hash map's table
 * and an entry object a member were a sixth of the import's parse thread and of its garbage —;
 * past that, every operation goes to a {@link LinkedHashMap} the members move into, so a hostile
 * object of many members costs no quadratic search. Not thread-safe, as the tree is not.
 */
final class SmallMembers extends AbstractMap<String, JsonNode> {
  /** Members kept in the arrays; one more and they move to a hash map. */
  static final int SMALL = 16;

  private String[] names = new String[8];
  private JsonNode[] values = new JsonNode[8];
  private int size;
  /** Every member, once there were more than {@link #SMALL}; null until then. */
  private LinkedHashMap<String, JsonNode> large;

  private int indexOf(Object name) {
    // The parser's names are canonical: the same text is mostly the same String.
    for (int i = 0; i < size; i++) {
      if (names[i] == name) {
        return i;
      }
    }
    if (name != null) {
      for (int i = 0; i < size; i++) {
        if (name.equals(names[i])) {
          return i;
        }
      }
    }
    return -1;
  }

  @Override
  public JsonNode get(Object name) {
    if (large != null) {
      return large.get(name);
    }
    int i = indexOf(name);
    return i < 0 ? null : values[i];
  }

  @Override
  public boolean containsKey(Object name) {
    return large != null ? large.containsKey(name) : indexOf(name) >= 0;
  }

  @Override
  public JsonNode put(String name, JsonNode value) {
    if (large != null) {
      return large.put(name, value);
    }
    int i = indexOf(name);
    if (i >= 0) {
      JsonNode before = values[i];
      values[i] = value;
      return before;
    }
    if (size == SMALL) {
      large = new LinkedHashMap<>();
      for (int k = 0; k < size; k++) {
        large.put(names[k], values[k]);
      }
      names = null;
      values = null;
      size = 0;
      return large.put(name, value);
    }
    if (size == names.length) {
      names = java.util.Arrays.copyOf(names, size * 2);
      values = java.util.Arrays.copyOf(values, size * 2);
    }
    names[size] = name;
    values[size++] = value;
    return null;
  }

  @Override
  public JsonNode remove(Object name) {
    if (large != null) {
      return large.remove(name);
    }
    int i = indexOf(name);
    if (i < 0) {
      return null;
    }
    JsonNode before = values[i];
    removeAt(i);
    return before;
  }

  private void removeAt(int i) {
    System.arraycopy(names, i + 1, names, i, size - i - 1);
    System.arraycopy(values, i + 1, values, i, size - i - 1);
    size--;
    names[size] = null;
    values[size] = null;
  }

  @Override
  public int size() {
    return large != null ? large.size() : size;
  }

  @Override
  public void clear() {
    if (large != null) {
      large.clear();
      return;
    }
    java.util.Arrays.fill(names, 0, size, null);
    java.util.Arrays.fill(values, 0, size, null);
    size = 0;
  }

  @Override
  public Set<Map.Entry<String, JsonNode>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, JsonNode>> iterator() {
        return large != null ? large.entrySet().iterator() : new Members();
      }

      @Override
      public int size() {
        return SmallMembers.this.size();
      }
    };
  }

  /** The arrays' members in order; removing through it removes from the arrays. */
  private final class Members implements Iterator<Map.Entry<String, JsonNode>> {
    private int next;
    private int last = -1;

    @Override
    public boolean hasNext() {
      return large == null && next < size;
    }

    @Override
    public Map.Entry<String, JsonNode> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      last = next++;
      return new AbstractMap.SimpleEntry<>(names[last], values[last]) {
        @Override
        public JsonNode setValue(JsonNode value) {
          if (containsKey(getKey())) {
            put(getKey(), value); // in its place, as a map's entry writes through
          }
          return super.setValue(value);
        }
      };
    }

    @Override
    public void remove() {
      if (last < 0 || large != null) {
        throw new IllegalStateException();
      }
      removeAt(last);
      next = last;
      last = -1;
    }
  }
}
