package org.jointworks.geo;

import java.util.function.Function;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a JSON object from a stream as Jackson's tree would hold it, except one member that a
 * reader of its own streams (decision 105: a feature's geometry, a geometry's coordinates).
 */
public final class JsonMembers {
  private JsonMembers() {}

  /**
   * Reads the members of the object at the parser's current {@code START_OBJECT}, up to its end,
   * into {@code rest}; a member called {@code name} whose value starts with {@code start} is read
   * by {@code special} instead and answered. As in Jackson's tree a later member of a name
   * replaces an earlier one: the last {@code name} wins, and when it is of another kind it is
   * kept in {@code rest} and null is answered.
   */
  public static <T> T read(JsonParser p, ObjectNode rest, String name, JsonToken start,
      Function<JsonParser, T> special) {
    T found = null;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String member = p.currentName();
      JsonToken value = p.nextToken();
      if (member.equals(name) && value == start) {
        found = special.apply(p);
        rest.remove(member);
      } else {
        rest.set(member, (JsonNode) p.readValueAsTree());
        if (member.equals(name)) {
          found = null;
        }
      }
    }
    return found;
  }
}
