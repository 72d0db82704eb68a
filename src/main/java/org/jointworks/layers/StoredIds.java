package org.jointworks.layers;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The ids an import stored, in order, as one growing {@code long[]} (decision 116): a
 * {@code List<Long>} kept a boxed id a feature alive from its write to the answer, 100,000 objects
 * more for every young pause of an import to copy. Not thread-safe: one per import.
 */
final class StoredIds {
  private long[] ids = new long[1024];
  private int size;

  void add(long id) {
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, size * 2);
    }
    ids[size++] = id;
  }

  int size() {
    return size;
  }

  /** The ids as an array of their own. */
  long[] toArray() {
    return Arrays.copyOf(ids, size);
  }

  /**
   * {@code ids} as an unmodifiable list, boxed one at a time as they are read: the answer's view
   * of the one copy {@link #toArray} made, which no one changes after.
   */
  static List<Long> asList(long[] ids) {
    return new Unboxed(ids);
  }

  private static final class Unboxed extends AbstractList<Long> implements RandomAccess {
    private final long[] ids;

    Unboxed(long[] ids) {
      this.ids = ids;
    }

    @Override
    public Long get(int index) {
      return ids[index];
    }

    @Override
    public int size() {
      return ids.length;
    }
  }
}
