package org.jointworks.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An import's ids, kept unboxed (decision 116), read back in order and unchanged. */
class StoredIdsTest {
  @Test
  void idsComeBackInOrderPastEveryGrowthAndTheListCannotBeChanged() {
    StoredIds ids = new StoredIds();
    List<Long> expected = new ArrayList<>();
    for (long id = 1; id <= 5_000; id++) {
      ids.add(id * 7);
      expected.add(id * 7);
    }
    assertThat(ids.size()).isEqualTo(5_000);
    assertThat(StoredIds.asList(ids.toArray())).isEqualTo(expected);
    assertThat(ids.toArray()).containsExactly(expected.stream().mapToLong(Long::longValue)
        .toArray());
    List<Long> answered = StoredIds.asList(ids.toArray());
    ids.add(1);
    assertThat(answered).hasSize(5_000);
    assertThatThrownBy(() -> answered.add(3L)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(StoredIds.asList(new StoredIds().toArray())).isEmpty();
  }
}
