package org.jointworks.ogcapi;

import java.util.Set;
import org.jointworks.layers.FieldType;

/**
 * A property a client may filter on by equality ({@code ?utility=gas}).
 *
 * @param allowed the vocabulary of a text property, empty for free text
 * @param description what the filter selects, when its name does not say it (a filter that is
 *     not a plain property of the features); null otherwise
 */
public record Queryable(String name, FieldType type, Set<String> allowed, String description) {
  public Queryable {
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("queryable name must be snake_case: " + name);
    }
    allowed = Set.copyOf(allowed);
  }

  /** A plain property of the features. */
  public Queryable(String name, FieldType type, Set<String> allowed) {
    this(name, type, allowed, null);
  }
}
