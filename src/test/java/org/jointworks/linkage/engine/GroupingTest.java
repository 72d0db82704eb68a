package org.jointworks.linkage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Components of the adjacency graph and their split along the weakest links. */
class GroupingTest {
  private static final List<AdjacentPair> CHAIN = List.of(
      new AdjacentPair(1, 2, 10, 100),
      new AdjacentPair(2, 3, 10, 5),     // the weak link
      new AdjacentPair(3, 4, 10, 90),
      new AdjacentPair(4, 5, 10, 80),
      new AdjacentPair(8, 9, 0, 50));

  @Test
  void connectedNeighboursFormOneGroupAndLonersAreDropped() {
    var groups = Grouping.groups(List.of(1L, 2L, 3L, 4L, 5L, 7L, 8L, 9L), CHAIN, 2, 0);
    assertThat(groups).containsExactly(List.of(1L, 2L, 3L, 4L, 5L), List.of(8L, 9L));
  }

  @Test
  void tooLargeGroupsSplitAtTheWeakestLink() {
    var groups = Grouping.groups(List.of(1L, 2L, 3L, 4L, 5L, 8L, 9L), CHAIN, 2, 3);
    assertThat(groups).containsExactly(List.of(3L, 4L, 5L), List.of(1L, 2L), List.of(8L, 9L));
  }
}
