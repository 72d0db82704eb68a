package org.jointworks.xlsx;

import java.util.Objects;

/**
 * One column of an exported table: its header's message key, where its value is in a row of the
 * JSON answer (a JSON Pointer), and how the value is written.
 *
 * @param header a key of the map's message bundles
 * @param pointer a JSON Pointer into one row ("" for the row itself)
 * @param kind how the value is written
 * @param prefix for {@link Kind#VALUE}: the bundle's prefix of the value's name
 *     ({@code value.status.} + the code)
 */
record XlsxColumn(String header, String pointer, Kind kind, String prefix) {
  /** How a value is written in its cell. */
  enum Kind {
    /** as it is (a number stays a number) */
    PLAIN,
    /** a share 0–1 written as a percentage 0–100 with one decimal */
    PERCENT,
    /** a code written as its name from the bundles ({@code prefix + code}), else the code */
    VALUE,
    /** a county code written as the county's name */
    DISTRICT,
    /** a list of {@code {name, state}} milestones: the overdue ones' names */
    OVERDUE_MILESTONES,
    /** a list of {@code {name, points}} components: "name points" each */
    COMPONENTS
  }

  XlsxColumn {
    Objects.requireNonNull(header);
    Objects.requireNonNull(pointer);
    Objects.requireNonNull(kind);
    if (kind == Kind.VALUE && (prefix == null || prefix.isEmpty())) {
      throw new IllegalArgumentException("a VALUE column needs its bundle prefix");
    }
  }

  static XlsxColumn plain(String header, String pointer) {
    return new XlsxColumn(header, pointer, Kind.PLAIN, null);
  }

  static XlsxColumn of(String header, String pointer, Kind kind) {
    return new XlsxColumn(header, pointer, kind, null);
  }

  static XlsxColumn value(String header, String pointer, String prefix) {
    return new XlsxColumn(header, pointer, Kind.VALUE, prefix);
  }
}
