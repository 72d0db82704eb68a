package org.jointworks.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Mutations of a valid JSON body that no endpoint may accept. Structural ones break the JSON
 * itself (a strict prefix, bit flips kept only when the result no longer parses, nesting far
 * deeper than any body needs, a string longer than the limit, invalid UTF-8, the wrong
 * top-level type); value ones put a hostile value at a member the seed marks as checked
 * ({@link Hot}): a number no field can hold, a wrong type, a date that is not an ISO string, a
 * text holding U+0000 or longer than any field, a geometry outside lon/lat or over the vertex
 * limit. Deterministic for a given {@link Random}.
 */
final class JsonMutations {
  static final JsonMapper STRICT = JsonMapper.builder().build();
  private static final String MARK = "@@HOT-MARK@@";
  private static final String BAD = "@@BAD-UTF8@@";

  /** What kind of value a checked member holds. */
  enum Kind { COUNT, MEASURE, NUMBER, DATE, GEOMETRY, TEXT }

  /** A member of the seed (a JSON pointer) whose value the endpoint must check. */
  record Hot(String pointer, Kind kind) {}

  static final Map<Kind, List<String>> HOSTILE = Map.of(
      Kind.NUMBER, List.of("1e308", "-1e308", "1e400", "{}", "[]", "\"abc\"", "true", "[1,2]",
          "123456789012345678901234567890"),
      Kind.COUNT, List.of("1e308", "-1e308", "1e400", "-5", "1.5", "{}", "[]", "\"abc\"", "true",
          "123456789012345678901234567890"),
      Kind.MEASURE, List.of("1e308", "-1e308", "1e400", "-5", "{}", "[]", "\"abc\"", "true",
          "[1.5]"),
      Kind.DATE, List.of("{}", "[]", "20230101", "\"2023-13-45\"", "\"+99999-01-01\"",
          "\"1500-01-01\"", "true", "{\"year\":2023,\"month\":5,\"day\":1}", "[2023,5,1]",
          "\"01/05/2023\""),
      // A NUL no store keeps (PostgreSQL refuses it in any text), a text past every field's
      // length, and values that are no text at all.
      Kind.TEXT, List.of("\"a\\u0000b\"", "\"\\u0000\"", "\"" + "长".repeat(5_000) + "\"", "{}",
          "[]", "true", "[\"a\"]"),
      Kind.GEOMETRY, List.of(
          "{\"type\":\"Point\",\"coordinates\":[113.8,91]}",
          "{\"type\":\"Polygon\",\"coordinates\":[[[113.8,35.3],[113.81,35.3],[113.81,95.3],"
              + "[113.8,35.3]]]}",
          "{\"type\":\"Polygon\",\"coordinates\":[[[213.8,35.3],[213.81,35.3],[213.81,35.31],"
              + "[213.8,35.31],[213.8,35.3]]]}",
          "{\"type\":\"Polygon\",\"coordinates\":[[[113.8,35.3],[113.81,35.3],[1e400,35.31],"
              + "[113.8,35.31],[113.8,35.3]]]}",
          "{\"type\":\"Polygon\",\"coordinates\":[[[113.8,35.3],[113.81,35.3],[113.81,35.31],"
              + "[113.8,35.31],[113.8,35.33]]]}",
          "{\"type\":\"Polygon\",\"coordinates\":[[[113.8,35.3],[113.81,35.31],[113.81,35.3],"
              + "[113.8,35.31],[113.8,35.3]]]}",
          "{}", "[]", "\"POINT(113 35)\"", "{\"type\":\"Circle\",\"coordinates\":[1,2]}",
          "{\"type\":\"Polygon\",\"coordinates\":[[[\"a\",\"b\"]]]}"));

  private JsonMutations() {}

  /** Every mutation of {@code seed}: structural ones and the hostile values of its hots. */
  static List<HostileCase> all(HostileCase seed, List<Hot> hots, Random rnd, boolean big) {
    List<HostileCase> out = new ArrayList<>();
    byte[] body = seed.body();
    String text = new String(body, StandardCharsets.UTF_8);
    for (int i = 0; i < 6; i++) {
      int cut = rnd.nextInt(body.length);
      out.add(seed.withBody("truncate@" + cut, java.util.Arrays.copyOf(body, cut)));
    }
    int flips = 0;
    for (int attempt = 0; attempt < 60 && flips < 5; attempt++) {
      byte[] b = body.clone();
      int at = rnd.nextInt(b.length);
      b[at] ^= (byte) (1 << rnd.nextInt(8));
      if (!parses(b)) {
        out.add(seed.withBody("flip@" + at, b));
        flips++;
      }
    }
    JsonNode tree = STRICT.readTree(body);
    List<String> pointers = new ArrayList<>();
    collect(tree, "", pointers);
    for (int depth : new int[] {65, 600, 5000}) {
      String p = pointers.get(rnd.nextInt(pointers.size()));
      out.add(seed.withBody("nest" + depth + "@" + p, replaced(tree, p,
          "[".repeat(depth) + "]".repeat(depth))));
    }
    String p = pointers.get(rnd.nextInt(pointers.size()));
    if (big) {
      out.add(seed.withBody("longString@" + p, replaced(tree, p,
          "\"" + "字".repeat(1_000_100) + "\"")));
    }
    out.add(seed.withBody("badUtf8@" + p, badUtf8(replaced(tree, p, "\"" + BAD + "\""))));
    for (String top : List.of("[]", "\"x\"", "42", "true", "[{}]")) {
      out.add(seed.withBody("top:" + top, top.getBytes(StandardCharsets.UTF_8)));
    }
    for (String junk : List.of("{'type':'Feature'}", "{\"a\":NaN}", "<xml/>", "{\"a\":1}}",
        text.replace("\":", "\"="))) {
      out.add(seed.withBody("notJson", junk.getBytes(StandardCharsets.UTF_8)));
    }
    for (Hot h : hots) {
      for (String v : HOSTILE.get(h.kind())) {
        out.add(seed.withBody(h.kind() + "@" + h.pointer() + "=" + abbreviate(v),
            replaced(tree, h.pointer(), v)));
      }
      if (h.kind() == Kind.GEOMETRY && big) {
        out.add(seed.withBody("vertices@" + h.pointer(), replaced(tree, h.pointer(),
            ring(100_001))));
      }
    }
    return out;
  }

  /** A closed ring of {@code n} vertices around Xinxiang, as a GeoJSON polygon. */
  static String ring(int n) {
    StringBuilder b = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
    for (int i = 0; i < n; i++) {
      double a = 2 * Math.PI * i / (n - 1);
      if (i == n - 1) {
        a = 0;
      }
      b.append(i == 0 ? "" : ",").append('[').append(113.85 + 0.01 * Math.cos(a)).append(',')
          .append(35.30 + 0.01 * Math.sin(a)).append(']');
    }
    return b.append("]]}").toString();
  }

  static boolean parses(byte[] b) {
    try {
      STRICT.readTree(b);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Puts the bytes C3 28 (a lead byte without its continuation) where the marker is. */
  private static byte[] badUtf8(byte[] b) {
    String text = new String(b, StandardCharsets.UTF_8);
    int at = text.indexOf(BAD);
    byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
    byte[] tail = text.substring(at + BAD.length()).getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[head.length + 2 + tail.length];
    System.arraycopy(head, 0, out, 0, head.length);
    out[head.length] = (byte) 0xC3;
    out[head.length + 1] = 0x28;
    System.arraycopy(tail, 0, out, head.length + 2, tail.length);
    return out;
  }

  private static String abbreviate(String v) {
    return v.length() > 40 ? v.substring(0, 40) + "…" : v;
  }

  /** The tree written out with the raw text {@code raw} at {@code pointer}. */
  static byte[] replaced(JsonNode tree, String pointer, String raw) {
    JsonNode copy = tree.deepCopy();
    if (pointer.isEmpty()) {
      return raw.getBytes(StandardCharsets.UTF_8);
    }
    JsonPointer ptr = JsonPointer.compile(pointer);
    JsonNode parent = copy.at(ptr.head());
    String last = ptr.last().getMatchingProperty();
    if (parent instanceof ObjectNode o) {
      o.put(last, MARK);
    } else if (parent instanceof ArrayNode a) {
      a.set(ptr.last().getMatchingIndex(), a.stringNode(MARK));
    }
    String out = STRICT.writeValueAsString(copy);
    return out.replace("\"" + MARK + "\"", raw).getBytes(StandardCharsets.UTF_8);
  }

  private static void collect(JsonNode n, String at, List<String> out) {
    if (!at.isEmpty()) {
      out.add(at);
    }
    if (n.isObject()) {
      for (Iterator<String> it = n.propertyNames().iterator(); it.hasNext();) {
        String k = it.next();
        collect(n.get(k), at + "/" + k.replace("~", "~0").replace("/", "~1"), out);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        collect(n.get(i), at + "/" + i, out);
      }
    }
  }
}
