package org.jointworks.history;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The properties one audited write changed, from its before and after JSON: for a GeoJSON Feature
 * the members of {@code properties} (and {@code geometry} as one item), for any other object its
 * top-level members (a project's fields). Version counters are not changes of substance and are
 * left out. Stateless, plain Java.
 */
final class Changes {
  private static final Set<String> IGNORED = Set.of("version", "id");

  private Changes() {}

  /** One changed property: its value before (null when added) and after (null when removed). */
  record Change(String property, JsonNode before, JsonNode after) {}

  static List<Change> between(JsonNode before, JsonNode after) {
    List<Change> out = new ArrayList<>();
    boolean features = isFeature(before) || isFeature(after);
    JsonNode b = features ? props(before) : before;
    JsonNode a = features ? props(after) : after;
    Set<String> names = new LinkedHashSet<>();
    collect(b, names);
    collect(a, names);
    for (String n : names) {
      if (IGNORED.contains(n)) {
        continue;
      }
      JsonNode vb = b == null ? null : b.get(n);
      JsonNode va = a == null ? null : a.get(n);
      if (!Objects.equals(nullIfNull(vb), nullIfNull(va))) {
        out.add(new Change(n, nullIfNull(vb), nullIfNull(va)));
      }
    }
    if (features) {
      JsonNode gb = before == null ? null : nullIfNull(before.get("geometry"));
      JsonNode ga = after == null ? null : nullIfNull(after.get("geometry"));
      if (!Objects.equals(gb, ga)) {
        out.add(new Change("geometry", null, null));
      }
    }
    return out;
  }

  private static boolean isFeature(JsonNode n) {
    return n != null && n.isObject() && "Feature".equals(n.path("type").asString(""));
  }

  private static JsonNode props(JsonNode feature) {
    return feature == null ? null : feature.get("properties");
  }

  private static void collect(JsonNode n, Set<String> into) {
    if (n != null && n.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
      while (it.hasNext()) {
        into.add(it.next().getKey());
      }
    }
  }

  private static JsonNode nullIfNull(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() ? null : n;
  }
}
