package org.jointworks.layers;

import java.util.Objects;
import java.util.Set;

/**
 * One attribute of a layer. Its {@code name} is both the GeoJSON property and the table column,
 * so it must be a snake_case identifier: SQL is built from these constants, never from input.
 *
 * <p>Every number has a range and every text a length, so that no value the store or an analysis
 * cannot hold gets in ({@code "households": 1e308} was once stored as a 500): counts and measures
 * from zero to a bound far above any real city, years within {@link #FIRST_YEAR}..{@link
 * #LAST_YEAR}, texts no longer than their column.
 *
 * @param allowed the vocabulary of a TEXT field, empty for free text
 * @param reference the table whose key the value must name, if any
 * @param min the smallest number accepted (INTEGER and DECIMAL)
 * @param max the largest number accepted (INTEGER and DECIMAL)
 * @param maxLength the longest text accepted (TEXT), the width of its column
 */
public record Field(String name, FieldType type, boolean required, Set<String> allowed,
    Reference reference, double min, double max, int maxLength) {
  /** The earliest year a date or a year field may hold. */
  public static final int FIRST_YEAR = 1800;
  /** The latest year a date or a year field may hold. */
  public static final int LAST_YEAR = 2200;

  /** What a field's value must name. */
  public enum Reference { NONE, DISTRICT, ORGANISATION }

  public Field {
    Objects.requireNonNull(type);
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("field name must be snake_case: " + name);
    }
    if (!(min <= max) || maxLength < 1) {
      throw new IllegalArgumentException("field " + name + ": empty range");
    }
    allowed = Set.copyOf(allowed);
  }

  /** Whether a number below zero is rejected. */
  public boolean nonNegative() {
    return min >= 0;
  }

  static Field text(String name, boolean required, int maxLength) {
    return new Field(name, FieldType.TEXT, required, Set.of(), Reference.NONE, 0, 0, maxLength);
  }

  static Field oneOf(String name, boolean required, Set<String> allowed) {
    return new Field(name, FieldType.TEXT, required, allowed, Reference.NONE, 0, 0, 64);
  }

  static Field ref(String name, boolean required, Reference reference) {
    return new Field(name, FieldType.TEXT, required, Set.of(), reference, 0, 0, 64);
  }

  /** A whole number from 0 to {@code max}. */
  static Field count(String name, boolean required, long max) {
    return new Field(name, FieldType.INTEGER, required, Set.of(), Reference.NONE, 0, max, 1);
  }

  /** A calendar year. */
  static Field year(String name, boolean required) {
    return new Field(name, FieldType.INTEGER, required, Set.of(), Reference.NONE, FIRST_YEAR,
        LAST_YEAR, 1);
  }

  /** A real number from 0 to {@code max}, in the unit its name says. */
  static Field measure(String name, boolean required, double max) {
    return new Field(name, FieldType.DECIMAL, required, Set.of(), Reference.NONE, 0, max, 1);
  }

  /** A height above the CGCS2000 datum in metres, from below the Dead Sea to above Everest. */
  static Field elevation(String name, boolean required) {
    return new Field(name, FieldType.DECIMAL, required, Set.of(), Reference.NONE, -500, 9000, 1);
  }

  static Field date(String name, boolean required) {
    return new Field(name, FieldType.DATE, required, Set.of(), Reference.NONE, 0, 0, 10);
  }
}
