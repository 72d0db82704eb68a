package org.jointworks.layers;

/** The value types a layer field can hold, and the Java type each is read as. */
public enum FieldType {
  /** A string; {@link Field#allowed()} may restrict it to a vocabulary. */
  TEXT,
  /** A whole number, held as {@link Long}. */
  INTEGER,
  /** A real number, held as {@link Double}. */
  DECIMAL,
  /** A calendar date, ISO-8601 in JSON, held as {@link java.time.LocalDate}. */
  DATE
}
