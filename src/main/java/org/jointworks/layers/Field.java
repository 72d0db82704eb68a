package org.jointworks.layers;

import java.util.Objects;
import java.util.Set;

/**
 * One attribute of a layer. Its {@code name} is both the GeoJSON property and the table column,
 * so it must be a snake_case identifier: SQL is built from these constants, never from input.
 *
 * @param allowed the vocabulary of a TEXT field, empty for free text
 * @param reference the table whose key the value must name, if any
 * @param nonNegative whether a number below zero is rejected
 */
public record Field(String name, FieldType type, boolean required, Set<String> allowed,
    Reference reference, boolean nonNegative) {

  /** What a field's value must name. */
  public enum Reference { NONE, DISTRICT, ORGANISATION }

  public Field {
    Objects.requireNonNull(type);
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("field name must be snake_case: " + name);
    }
    allowed = Set.copyOf(allowed);
  }

  static Field text(String name, boolean required) {
    return new Field(name, FieldType.TEXT, required, Set.of(), Reference.NONE, false);
  }

  static Field oneOf(String name, boolean required, Set<String> allowed) {
    return new Field(name, FieldType.TEXT, required, allowed, Reference.NONE, false);
  }

  static Field ref(String name, boolean required, Reference reference) {
    return new Field(name, FieldType.TEXT, required, Set.of(), reference, false);
  }

  static Field count(String name, boolean required) {
    return new Field(name, FieldType.INTEGER, required, Set.of(), Reference.NONE, true);
  }

  static Field measure(String name, boolean required) {
    return new Field(name, FieldType.DECIMAL, required, Set.of(), Reference.NONE, true);
  }

  static Field date(String name, boolean required) {
    return new Field(name, FieldType.DATE, required, Set.of(), Reference.NONE, false);
  }
}
