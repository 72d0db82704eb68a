package org.jointworks.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link JsonMembers#tree} builds the very tree Jackson's {@code readTree} builds (decision 111):
 * equal, printed alike, and of the same node class at every place, for values of every kind —
 * numbers at every width and form, strings with escapes and astral characters, empty and deep
 * containers, repeated member names.
 */
class JsonMembersTest {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final String[] NUMBERS = {"0", "-0", "7", "-2147483648", "2147483647",
      "2147483648", "-2147483649", "9223372036854775807", "-9223372036854775808",
      "9223372036854775808", "123456789012345678901234567890", "0.0", "-0.0", "1.5", "-1.5e3",
      "1E+2", "2.5e-3", "1e308", "1.7976931348623157e309", "4.9e-324", "1e-400",
      "113.9123456789012345678", "35.30000000000000000001", "3000", "0.1"};
  private static final String[] STRINGS = {"\"\"", "\"小区\"", "\"a\\\"b\\\\c\\n\\t\"",
      "\"\\u00e9\\u4e2d\"", "\"\\ud83d\\ude00 😀\"", "\"null\"", "\"1.5\""};

  @Test
  void randomValuesAreBuiltAsJacksonBuildsThem() {
    SplittableRandom random = new SplittableRandom(111);
    for (int i = 0; i < 3_000; i++) {
      String json = value(random, 0);
      assertSameTree(json);
    }
  }

  @Test
  void theUsualShapesAndTheEdgesAreBuiltAsJacksonBuildsThem() {
    List<String> cases = new ArrayList<>(List.of("{}", "[]", "[[]]", "{\"a\":{}}", "null",
        "true", "false", "{\"a\":1,\"a\":2}", "{\"a\":1,\"b\":2,\"a\":[3]}",
        "{\"a\":{\"x\":1},\"a\":{\"y\":2}}", "{\"a\":null}", "[null,1,\"x\",[null]]",
        "{\"type\":\"Feature\",\"properties\":{\"name\":\"基准小区1\",\"households\":50,"
            + "\"floor_area_m2\":3000.5,\"build_year\":1980,\"note\":null}}",
        "[" + "[".repeat(40) + "1" + "]".repeat(40) + "]"));
    for (String n : NUMBERS) {
      cases.add(n);
      cases.add("[" + n + "]");
    }
    for (String s : STRINGS) {
      cases.add(s);
      cases.add("{" + s + ":" + s + "}");
    }
    cases.forEach(JsonMembersTest::assertSameTree);
  }

  @Test
  void theParserIsLeftOnTheValuesLastToken() {
    try (JsonParser p = JSON.createParser("[{\"a\":[1,{\"b\":2}]},7]")) {
      p.nextToken();
      p.nextToken();
      JsonMembers.tree(p);
      assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
      assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
    }
  }

  @Test
  void aValueCutShortIsRefusedAsJacksonRefusesIt() {
    for (String json : List.of("{\"a\":[1,2", "[{\"a\":", "{\"a\":1,", "[1,2,{")) {
      assertThatThrownBy(() -> JSON.readTree(json)).as(json)
          .isInstanceOf(JacksonException.class);
      try (JsonParser p = JSON.createParser(json)) {
        p.nextToken();
        assertThatThrownBy(() -> JsonMembers.tree(p)).as(json)
            .isInstanceOf(JacksonException.class);
      }
    }
  }

  private static void assertSameTree(String json) {
    JsonNode expected = JSON.readTree(json);
    JsonNode actual;
    try (JsonParser p = JSON.createParser(json)) {
      p.nextToken();
      actual = JsonMembers.tree(p);
      assertThat(p.nextToken()).as(json).isNull();
    }
    assertThat(actual).as(json).isEqualTo(expected);
    assertThat(actual.toString()).as(json).isEqualTo(expected.toString());
    assertSameClasses(json, expected, actual);
  }

  private static void assertSameClasses(String json, JsonNode expected, JsonNode actual) {
    assertThat(actual.getClass()).as(json).isEqualTo(expected.getClass());
    if (expected.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> e = expected.properties().iterator();
      Iterator<Map.Entry<String, JsonNode>> a = actual.properties().iterator();
      while (e.hasNext()) {
        Map.Entry<String, JsonNode> x = e.next();
        Map.Entry<String, JsonNode> y = a.next();
        assertThat(y.getKey()).as(json).isEqualTo(x.getKey());
        assertSameClasses(json, x.getValue(), y.getValue());
      }
    } else if (expected.isArray()) {
      for (int i = 0; i < expected.size(); i++) {
        assertSameClasses(json, expected.get(i), actual.get(i));
      }
    }
  }

  private static String value(SplittableRandom random, int depth) {
    int kind = random.nextInt(depth > 5 ? 5 : 8);
    return switch (kind) {
      case 0, 1 -> NUMBERS[random.nextInt(NUMBERS.length)];
      case 2 -> STRINGS[random.nextInt(STRINGS.length)];
      case 3 -> random.nextBoolean() ? "true" : "false";
      case 4 -> "null";
      case 5 -> {
        StringBuilder a = new StringBuilder("[");
        for (int i = random.nextInt(5); i > 0; i--) {
          a.append(a.length() > 1 ? "," : "").append(value(random, depth + 1));
        }
        yield a.append(']').toString();
      }
      default -> {
        StringBuilder o = new StringBuilder("{");
        for (int i = random.nextInt(6); i > 0; i--) {
          // Few names, so members repeat: the later one wins, in the earlier one's place.
          o.append(o.length() > 1 ? "," : "").append('"').append((char) ('a' + random.nextInt(4)))
              .append("\":").append(value(random, depth + 1));
        }
        yield o.append('}').toString();
      }
    };
  }
}
