package org.jointworks.layers;

import java.util.function.Function;
import org.jointworks.geo.JsonMembers;
import org.jointworks.geo.StreamedGeometry;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One member of an import's {@code features} array as the parse thread hands it on: the feature's
 * tree without its geometry object, and that object read as {@link StreamedGeometry} (decision
 * 105), or null when the member is not an object or its geometry is not one (null, a string: then
 * it stays in the tree, as {@link FeatureReader} reads any feature).
 */
record StreamedFeature(JsonNode node, StreamedGeometry geometry) {

  /** Reads the features of one body. Not thread-safe: one per parse. */
  static final class Reader {
    private final StreamedGeometry.Reader geometries = new StreamedGeometry.Reader();
    /** Made once: a method reference made per feature would be an allocation per feature. */
    private final Function<JsonParser, StreamedGeometry> geometry = geometries::read;

    /** Reads the value at the parser's current token, up to its end. */
    StreamedFeature read(JsonParser p) {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        return new StreamedFeature(p.readValueAsTree(), null);
      }
      ObjectNode node = JsonMembers.object();
      return new StreamedFeature(node,
          JsonMembers.read(p, node, "geometry", JsonToken.START_OBJECT, geometry));
    }
  }
}
