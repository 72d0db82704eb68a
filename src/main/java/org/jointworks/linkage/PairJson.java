package org.jointworks.linkage;

import org.jointworks.linkage.engine.AdjacentPair;
import org.jointworks.system.lists.ListAnswers;
import tools.jackson.core.JsonGenerator;

/**
 * One adjacent pair's JSON object, {@code {"a":…,"b":…,"gapMeters":…,"frontageMeters":…}},
 * formed by hand and handed to the generator as one raw value: the same bytes Jackson writes for
 * the rounded record, without its per-member names and its {@code Double.toString} (the two
 * millimetre figures were a third of the whole answer's time, issue 15; decision 97).
 *
 * <p>A figure rounded to the millimetre is {@code m / 1000.0} for a whole {@code m}; for
 * {@code 0 <= m < }{@value #CHECKED}, Java 17's {@code Double.toString} of it is the plain
 * decimal of {@code m} with its trailing zeros dropped and at least one fractional digit
 * (checked for every such {@code m}; {@code PairJsonTest} keeps a sample). A pair with a figure
 * outside that range (a frontage beyond 20 km) is written by Jackson as before.
 *
 * <p>Not thread-safe: one per answer, which it writes a pair at a time into one buffer (a buffer
 * per pair was a third of the writing's time, decision 102).
 */
final class PairJson implements ListAnswers.ItemWriter<AdjacentPair> {
  /** Millimetre counts checked exhaustively against {@code Double.toString}: 20 km. */
  static final long CHECKED = 20_000_000L;
  private static final char[] A = "{\"a\":".toCharArray();
  private static final char[] B = ",\"b\":".toCharArray();
  private static final char[] GAP = ",\"gapMeters\":".toCharArray();
  private static final char[] FRONTAGE = ",\"frontageMeters\":".toCharArray();

  /** Longer than any pair's object: two longs, two figures below 20 km and the names. */
  private final char[] buf = new char[128];

  /** Writes {@code p} rounded to the millimetre, as {@link AdjacencyLists#rounded} reads. */
  @Override
  public void write(JsonGenerator g, AdjacentPair p) {
    long gap = millimetres(p.gapMeters());
    long frontage = millimetres(p.frontageMeters());
    if (gap < 0 || gap >= CHECKED || frontage < 0 || frontage >= CHECKED) {
      AdjacencyLists.writeByJackson(g, p);
      return;
    }
    int at = put(buf, 0, A);
    at = putLong(buf, at, p.a());
    at = put(buf, at, B);
    at = putLong(buf, at, p.b());
    at = put(buf, at, GAP);
    at = putMillimetres(buf, at, gap);
    at = put(buf, at, FRONTAGE);
    at = putMillimetres(buf, at, frontage);
    buf[at++] = '}';
    g.writeRawValue(buf, 0, at);
  }

  /** {@code Math.round(v * 1000)}, as {@code Reports.round(v, 3)} rounds (10^3 is exact). */
  static long millimetres(double v) {
    return Math.round(v * 1000.0);
  }

  /** The decimal of {@code m / 1000.0} as {@code Double.toString} writes it, m checked. */
  static int putMillimetres(char[] buf, int at, long m) {
    at = putLong(buf, at, m / 1000);
    buf[at++] = '.';
    int frac = (int) (m % 1000);
    buf[at++] = (char) ('0' + frac / 100);
    if (frac % 100 != 0) {
      buf[at++] = (char) ('0' + frac / 10 % 10);
      if (frac % 10 != 0) {
        buf[at++] = (char) ('0' + frac % 10);
      }
    }
    return at;
  }

  private static int put(char[] buf, int at, char[] text) {
    System.arraycopy(text, 0, buf, at, text.length);
    return at + text.length;
  }

  private static int putLong(char[] buf, int at, long v) {
    if (v < 0) {
      buf[at++] = '-';
      if (v == Long.MIN_VALUE) {
        return put(buf, at, "9223372036854775808".toCharArray());
      }
      v = -v;
    }
    int digits = 1;
    for (long x = v; x >= 10; x /= 10) {
      digits++;
    }
    for (int k = at + digits - 1; k >= at; k--) {
      buf[k] = (char) ('0' + v % 10);
      v /= 10;
    }
    return at + digits;
  }
}
