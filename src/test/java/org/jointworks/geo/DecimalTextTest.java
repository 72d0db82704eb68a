package org.jointworks.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The short path of a JSON number's reading (decision 117) gives exactly what Jackson gives —
 * {@link Double#parseDouble}'s value of a decimal, a whole number's own — or leaves the text to
 * the parser.
 */
class DecimalTextTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void everyTextItReadsItReadsAsParseDoubleDoes() {
    SplittableRandom random = new SplittableRandom(117);
    int read = 0;
    int texts = 0;
    for (int i = 0; i < 400_000; i++) {
      for (String text : texts(random)) {
        texts++;
        double v = DecimalText.exact(text.toCharArray(), 0, text.length());
        if (!Double.isNaN(v)) {
          read++;
          assertThat(Double.doubleToRawLongBits(v)).as(text)
              .isEqualTo(Double.doubleToRawLongBits(expected(text)));
        }
      }
    }
    // Many texts of these shapes are short enough: the path is taken, not only refused.
    assertThat(read).isGreaterThan(texts / 3);
  }

  @Test
  void coordinatesAsFilesWriteThemAllTakeTheShortPath() {
    SplittableRandom random = new SplittableRandom(4490);
    for (int i = 0; i < 200_000; i++) {
      double lon = 73 + 62 * random.nextDouble();
      for (String text : List.of(String.format(Locale.ROOT, "%.9f", lon),
          String.format(Locale.ROOT, "%.6f", -lon), String.format(Locale.ROOT, "%.2f", lon))) {
        double v = DecimalText.exact(text.toCharArray(), 0, text.length());
        assertThat(v).as(text).isEqualTo(Double.parseDouble(text));
      }
    }
  }

  @Test
  void theEdgesOfTheShortPath() {
    for (String text : List.of("0", "-0", "0.0", "-0.0", "000.000", "1", "-1", "9007199254740992",
        "9007199254740993", "9007199254740991.5", "123456789012345678", "1234567890123456789",
        "99999999999999999999", "0.1", "0.30000000000000004", "1e22", "1e23", "1e-22", "1e-23",
        "4.35e-22", "1.7976931348623157e308", "4.9e-324", "1e400", "-1e-400", "2.5E+3", "2.5e-0",
        "0.000000000000000000000000001", "123.456e-20", "123.456e20", "1e99999")) {
      double v = DecimalText.exact(text.toCharArray(), 0, text.length());
      if (!Double.isNaN(v)) {
        assertThat(Double.doubleToRawLongBits(v)).as(text)
            .isEqualTo(Double.doubleToRawLongBits(expected(text)));
      }
    }
    // Past 2^53 the whole number is not exact: never read here, however plain the text.
    assertThat(DecimalText.exact("9007199254740993".toCharArray(), 0, 16)).isNaN();
    assertThat(DecimalText.exact("1e23".toCharArray(), 0, 4)).isNaN();
    // A whole number is read as one (Jackson's int token): -0 is 0; a decimal keeps its sign.
    assertThat(Double.doubleToRawLongBits(DecimalText.exact("-0".toCharArray(), 0, 2)))
        .isEqualTo(Double.doubleToRawLongBits(0.0));
    assertThat(Double.doubleToRawLongBits(DecimalText.exact("-0.0".toCharArray(), 0, 4)))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  @Test
  void anythingButAPlainDecimalIsLeftToTheParser() {
    for (String text : List.of("", "-", ".5", "5.", "+5", "1e", "1e+", "--1", "1.2.3", "1x",
        "NaN", "Infinity", "-Infinity", "0x10", " 1", "1 ", "1_000")) {
      assertThat(DecimalText.exact(text.toCharArray(), 0, text.length())).as(text).isNaN();
    }
    // Only the given range is read.
    char[] padded = "[113.5,35.25]".toCharArray();
    assertThat(DecimalText.exact(padded, 1, 5)).isEqualTo(113.5);
    assertThat(DecimalText.exact(padded, 7, 5)).isEqualTo(35.25);
  }

  @Test
  void throughTheParserEveryNumberTokenComesOutAsJacksonReadsIt() {
    SplittableRandom random = new SplittableRandom(2026);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      texts.addAll(texts(random));
    }
    String body = "[" + String.join(",", texts) + "]";
    byte[] utf8 = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (JsonParser ours = JSON.createParser(utf8);
        JsonParser theirs = JSON.createParser(body)) {
      assertThat(ours.nextToken()).isEqualTo(JsonToken.START_ARRAY);
      theirs.nextToken();
      int n = 0;
      for (JsonToken t = ours.nextToken(); t != JsonToken.END_ARRAY; t = ours.nextToken()) {
        theirs.nextToken();
        assertThat(Double.doubleToRawLongBits(DecimalText.value(ours))).as(texts.get(n))
            .isEqualTo(Double.doubleToRawLongBits(theirs.getDoubleValue()));
        n++;
      }
      assertThat(n).isEqualTo(texts.size());
    }
  }

  /** What Jackson reads: a whole number's own value, else parseDouble's. */
  private static double expected(String text) {
    boolean whole = text.chars().noneMatch(c -> c == '.' || c == 'e' || c == 'E');
    double v = Double.parseDouble(text);
    return whole && v == 0 ? 0.0 : v;
  }

  /** JSON number texts of the shapes files hold and a few they rarely do. */
  private static List<String> texts(SplittableRandom random) {
    double d = Double.longBitsToDouble(random.nextLong());
    List<String> out = new ArrayList<>();
    if (Double.isFinite(d)) {
      out.add(Double.toString(d).replace("E", "e"));
    }
    double plain = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-8, 12));
    out.add(Double.toString(plain).replace("E", "e"));
    out.add(String.format(Locale.ROOT, "%." + random.nextInt(0, 18) + "f", plain));
    StringBuilder digits = new StringBuilder(random.nextBoolean() ? "-" : "");
    int whole = random.nextInt(1, 21);
    for (int k = 0; k < whole; k++) {
      // No leading zero: JSON has none (the parser refuses "007").
      int digit = k == 0 && whole > 1 ? random.nextInt(1, 10) : random.nextInt(10);
      digits.append((char) ('0' + digit));
    }
    if (random.nextBoolean()) {
      digits.append('.');
      int fraction = random.nextInt(1, 21);
      for (int k = 0; k < fraction; k++) {
        digits.append((char) ('0' + random.nextInt(10)));
      }
    }
    if (random.nextInt(3) == 0) {
      digits.append(random.nextBoolean() ? 'e' : 'E').append(random.nextBoolean() ? "-" : "")
          .append(random.nextInt(0, 40));
    }
    out.add(digits.toString());
    return out;
  }
}
