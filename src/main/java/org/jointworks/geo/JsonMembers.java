package org.jointworks.geo;

import java.util.ArrayDeque;
import java.util.function.Function;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ContainerNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a JSON object from a stream as Jackson's tree would hold it, except one member that a
 * reader of its own streams (decision 105: a feature's geometry, a geometry's coordinates).
 */
public final class JsonMembers {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
        rest.set(member, tree(p));
        if (member.equals(name)) {
          found = null;
        }
      }
    }
    return found;
  }

  /**
   * The value at the parser's current token, up to its end, as the tree {@code
   * readValueAsTree} builds under the mapper's default features (decision 111): the same node
   * classes, a later member of a name replacing an earlier one in its place. Built here because
   * each {@code readValueAsTree} sets up a deserialization context and looks the node type's
   * annotations up again: 2–3 calls a feature cost the import's one parse thread a fifth of its
   * time. A number the parser reads as other than an int, a long or a double (a format's own
   * binary float or decimal, a big integer) is left to Jackson, as is any other token. Iterative:
   * the parser's nesting limit bounds the stack, not the thread's.
   */
  public static JsonNode tree(JsonParser p) {
    JsonToken token = p.currentToken();
    if (token == null) {
      throw new StreamReadException(p, "No JSON value where one was expected");
    }
    ContainerNode<?> root = container(token);
    if (root == null) {
      return scalar(p, token);
    }
    ArrayDeque<ContainerNode<?>> open = new ArrayDeque<>();
    open.push(root);
    while (!open.isEmpty()) {
      ContainerNode<?> top = open.peek();
      JsonToken next = p.nextToken();
      if (next == JsonToken.END_OBJECT || next == JsonToken.END_ARRAY) {
        open.pop();
        continue;
      }
      String member = null;
      if (next == JsonToken.PROPERTY_NAME) {
        member = p.currentName();
        next = p.nextToken();
      }
      if (next == null) {
        // The parser reports a document cut short itself; this only keeps the loop finite.
        throw new StreamReadException(p, "Unexpected end-of-input in a JSON value");
      }
      ContainerNode<?> child = container(next);
      JsonNode value = child != null ? child : scalar(p, next);
      if (top instanceof ObjectNode object) {
        object.set(member, value);
      } else {
        ((ArrayNode) top).add(value);
      }
      if (child != null) {
        open.push(child);
      }
    }
    return root;
  }

  /**
   * An empty object node as Jackson's, its members kept in {@link SmallMembers} (decision 117):
   * a feature's objects are small, and a hash map's table and entries were a sixth of the
   * import's parse thread.
   */
  public static ObjectNode object() {
    return new ObjectNode(NODES, new SmallMembers());
  }

  private static ContainerNode<?> container(JsonToken token) {
    if (token == JsonToken.START_OBJECT) {
      return object();
    }
    return token == JsonToken.START_ARRAY ? NODES.arrayNode() : null;
  }

  private static JsonNode scalar(JsonParser p, JsonToken token) {
    switch (token) {
      case VALUE_STRING:
        return NODES.stringNode(p.getString());
      case VALUE_NUMBER_INT:
        JsonParser.NumberType whole = p.getNumberType();
        if (whole == JsonParser.NumberType.INT) {
          return NODES.numberNode(p.getIntValue());
        }
        if (whole == JsonParser.NumberType.LONG) {
          return NODES.numberNode(p.getLongValue());
        }
        return p.readValueAsTree();
      case VALUE_NUMBER_FLOAT:
        JsonParser.NumberTypeFP real = p.getNumberTypeFP();
        if (real == JsonParser.NumberTypeFP.UNKNOWN || real == JsonParser.NumberTypeFP.DOUBLE64) {
          return NODES.numberNode(DecimalText.value(p));
        }
        return p.readValueAsTree();
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        return p.readValueAsTree();
    }
  }
}
