package org.jointworks.geo;

import tools.jackson.core.JsonParser;

/**
 * Reads the JSON number at a parser's current token as a {@code double}, the same bits as
 * Jackson's {@code getDoubleValue} gives — {@link Double#parseDouble}'s value of a decimal's text,
 * a whole number's own value (so {@code -0} is 0) — by the exact short path where it applies
 * (decision 117): a coordinate such as {@code 113.812345678} is a whole number below 2^53
 * scaled by a power of ten of at most 22, both exact as doubles, so one division (or
 * multiplication) rounds once and gives the correctly rounded value (Clinger's fast path). Every
 * other text — more digits, a larger exponent, anything but {@code -?d+(.d+)?([eE][+-]?d+)?} — is
 * left to the parser's own reading. Jackson's reading (FastDoubleParser's Eisel–Lemire path for
 * every number) was a fifth of an import's parse thread.
 */
public final class DecimalText {
  /** The powers of ten a double holds exactly. */
  private static final double[] POWERS = new double[23];
  /** Largest whole number whose every value below is exact as a double. */
  private static final long EXACT = 1L << 53;
  /** More significant digits than this may overflow a long; past 16 none is exact anyway. */
  private static final int MAX_DIGITS = 18;

  static {
    double p = 1;
    for (int i = 0; i < POWERS.length; i++) {
      POWERS[i] = p;
      p *= 10;
    }
  }

  private DecimalText() {}

  /** The number at {@code p}'s current token (an int or a float token), as a double. */
  public static double value(JsonParser p) {
    char[] text = p.getStringCharacters();
    double v = text == null ? Double.NaN
        : exact(text, p.getStringOffset(), p.getStringLength());
    // NaN is no JSON number's text (a parser allowing "NaN" gives its own), so it means "not here".
    return Double.isNaN(v) ? p.getDoubleValue() : v;
  }

  /**
   * The value of {@code text[from, from + length)} when it is a plain decimal the short path
   * reads exactly, else {@link Double#NaN}.
   */
  static double exact(char[] text, int from, int length) {
    int i = from;
    int end = from + length;
    boolean negative = i < end && text[i] == '-';
    if (negative) {
      i++;
    }
    long whole = 0;
    int digits = 0; // significant digits so far (leading zeros are not)
    int scale = 0; // digits after the point
    int start = i;
    for (; i < end && isDigit(text[i]); i++) {
      if (whole != 0 || text[i] != '0') {
        if (++digits > MAX_DIGITS) {
          return Double.NaN;
        }
      }
      whole = whole * 10 + (text[i] - '0');
    }
    if (i == start) {
      return Double.NaN;
    }
    boolean decimal = i < end && (text[i] == '.' || text[i] == 'e' || text[i] == 'E');
    if (i < end && text[i] == '.') {
      int fraction = ++i;
      for (; i < end && isDigit(text[i]); i++) {
        if (whole != 0 || text[i] != '0') {
          if (++digits > MAX_DIGITS) {
            return Double.NaN;
          }
        }
        whole = whole * 10 + (text[i] - '0');
        scale++;
      }
      if (i == fraction) {
        return Double.NaN;
      }
    }
    int exponent = 0;
    if (i < end && (text[i] == 'e' || text[i] == 'E')) {
      i++;
      boolean down = i < end && text[i] == '-';
      if (i < end && (text[i] == '-' || text[i] == '+')) {
        i++;
      }
      int first = i;
      for (; i < end && isDigit(text[i]); i++) {
        if (i - first >= 4) {
          return Double.NaN; // an exponent past 9999: far outside the short path anyway
        }
        exponent = exponent * 10 + (text[i] - '0');
      }
      if (i == first) {
        return Double.NaN;
      }
      exponent = down ? -exponent : exponent;
    }
    if (i == end && !decimal) {
      // A whole number is read as one, as Jackson reads an int token: -0 is 0.
      return whole > EXACT ? Double.NaN : (double) (negative ? -whole : whole);
    }
    int power = exponent - scale;
    if (i != end || whole > EXACT || power < -22 || power > 22) {
      return Double.NaN;
    }
    double v = power < 0 ? whole / POWERS[-power] : whole * POWERS[power];
    return negative ? -v : v;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
