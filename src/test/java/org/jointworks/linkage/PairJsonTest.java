package org.jointworks.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The hand-formed millimetre figures are {@code Double.toString}'s (what Jackson writes) for the
 * whole range {@link PairJson} writes by hand: every count below 1,000,000 mm, and a random
 * sample and the top of the rest (the whole range was checked once, decision 97).
 */
class PairJsonTest {
  @Test
  void millimetreFiguresAreWhatDoubleToStringWrites() {
    char[] buf = new char[32];
    for (long m = 0; m < 1_000_000; m++) {
      assertSame(buf, m);
    }
    SplittableRandom r = new SplittableRandom(97);
    for (int i = 0; i < 1_000_000; i++) {
      assertSame(buf, r.nextLong(PairJson.CHECKED));
    }
    for (long m = PairJson.CHECKED - 1000; m < PairJson.CHECKED; m++) {
      assertSame(buf, m);
    }
  }

  @Test
  void roundsAsTheReportsRound() {
    double[] odd = {0, 1e-9, 0.0004999, 0.0005, 0.1 + 0.2, 29.9999999, 123456.7891, 19999.9994};
    for (double v : odd) {
      assertThat(PairJson.millimetres(v) / 1000.0).isEqualTo(Reports.round(v, 3));
    }
  }

  private static void assertSame(char[] buf, long m) {
    int n = PairJson.putMillimetres(buf, 0, m);
    String expected = Double.toString(m / 1000.0);
    if (!expected.equals(new String(buf, 0, n))) {
      assertThat(new String(buf, 0, n)).as("m = %d", m).isEqualTo(expected);
    }
  }
}
