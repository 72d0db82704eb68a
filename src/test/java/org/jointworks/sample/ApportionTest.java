package org.jointworks.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ApportionTest {
  @Test
  void partsAddUpToTheTotalExactly() {
    long[] parts = Apportion.largestRemainder(1000, new double[] {1, 1, 1}, 0);
    assertThat(Arrays.stream(parts).sum()).isEqualTo(1000);
    assertThat(parts).containsExactly(334, 333, 333);
  }

  @Test
  void giveEveryPartItsMinimumFirst() {
    long[] parts = Apportion.largestRemainder(10, new double[] {100, 0, 0, 0}, 1);
    assertThat(parts).containsExactly(7, 1, 1, 1);
  }

  @Test
  void proportionalWeightsThatDivideExactlyAreReproduced() {
    long[] table = {27, 11, 20, 12, 7, 7, 4, 6, 20, 5, 19};
    assertThat(Apportion.largestRemainder(138, table, 0)).containsExactly(table);
  }

  @Test
  void largeTotalsStayExactDespiteFloatingPointQuotas() {
    double[] w = new double[20_000];
    Arrays.setAll(w, i -> 1 + (i % 7) * 0.1);
    long[] parts = Apportion.largestRemainder(123_456_789L, w, 1);
    assertThat(Arrays.stream(parts).sum()).isEqualTo(123_456_789L);
    assertThat(Arrays.stream(parts).min().getAsLong()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void rejectsATotalBelowTheMinimums() {
    assertThatThrownBy(() -> Apportion.largestRemainder(2, new double[] {1, 1, 1}, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
