package org.jointworks.ogcapi;

import java.util.Set;
import org.jointworks.layers.FieldType;

/**
 * A property a client may filter on by equality ({@code ?utility=gas}).
 *
 * @param allowed the vocabulary of a text property, empty for free text
 */
public record Queryable(String name, FieldType type, Set<String> allowed) {
  public Queryable {
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("queryable name must be snake_case: " + name);
    }
    allowed = Set.copyOf(allowed);
  }
}
