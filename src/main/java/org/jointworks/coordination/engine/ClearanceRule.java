package org.jointworks.coordination.engine;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One row of the clearance table: pipelines of {@code utilityA} and {@code utilityB} that meet
 * {@code conditions} must lie at least {@code minMeters} apart horizontally.
 *
 * <p>A condition names a side and a pipeline attribute, {@code a.diameter_mm<=200} or
 * {@code b.pressure_class=medium_a|medium_b} or {@code a.laying=duct}; conditions are joined
 * by {@code ;} and all must hold; {@code any} (or empty) is no condition. An attribute that is
 * not recorded (null) is taken to meet the condition: a check then errs on the side of the
 * larger clearance.
 *
 * @param source where the value comes from (standard, clause, table), or a local setting
 */
public record ClearanceRule(String utilityA, String utilityB, String condition,
    List<Condition> conditions, double minMeters, String source) {

  public ClearanceRule {
    Objects.requireNonNull(utilityA, "utility_a");
    Objects.requireNonNull(utilityB, "utility_b");
    conditions = List.copyOf(conditions);
    if (!(minMeters > 0) || minMeters > 100) {
      throw new IllegalArgumentException("min_m must be more than 0 and at most 100");
    }
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("every clearance needs a source");
    }
  }

  /** Whether the value is a local setting rather than a figure taken from a standard. */
  public boolean placeholder() {
    return source.toLowerCase(Locale.ROOT).startsWith("local setting");
  }

  /** A row as read from the CSV; the condition text is parsed here. */
  public static ClearanceRule parse(String utilityA, String utilityB, String condition,
      double minMeters, String source) {
    return new ClearanceRule(utilityA, utilityB, condition == null ? "any" : condition,
        Condition.parseAll(condition), minMeters, source);
  }

  /** Whether the row applies to {@code a} and {@code b} in this orientation. */
  public boolean applies(PipeAttributes a, PipeAttributes b) {
    if (!utilityA.equals(a.utility()) || !utilityB.equals(b.utility())) {
      return false;
    }
    for (Condition c : conditions) {
      if (!c.holds(c.sideA() ? a : b)) {
        return false;
      }
    }
    return true;
  }

  /** One attribute test on one side. */
  public record Condition(boolean sideA, String field, String op, Set<String> values) {
    private static final Set<String> FIELDS = Set.of("diameter_mm", "pressure_class", "laying");

    public Condition {
      if (!FIELDS.contains(field)) {
        throw new IllegalArgumentException("condition field must be one of " + FIELDS);
      }
      values = Set.copyOf(values);
    }

    static List<Condition> parseAll(String text) {
      if (text == null || text.isBlank() || text.trim().equals("any")) {
        return List.of();
      }
      return java.util.Arrays.stream(text.split(";")).map(String::trim)
          .filter(s -> !s.isEmpty()).map(Condition::parse).toList();
    }

    static Condition parse(String s) {
      if (!(s.startsWith("a.") || s.startsWith("b."))) {
        throw new IllegalArgumentException("a condition starts with a. or b.: " + s);
      }
      for (String op : List.of("<=", ">=", "<", ">", "=")) {
        int at = s.indexOf(op);
        if (at > 0) {
          Set<String> values = Set.of(s.substring(at + op.length()).trim().split("\\|"));
          return new Condition(s.charAt(0) == 'a', s.substring(2, at).trim(), op, values);
        }
      }
      throw new IllegalArgumentException("a condition needs one of <= >= < > =: " + s);
    }

    boolean holds(PipeAttributes p) {
      if (field.equals("pressure_class")) {
        return p.pressureClass() == null || values.contains(p.pressureClass());
      }
      if (field.equals("laying")) {
        return p.laying() == null || values.contains(p.laying());
      }
      if (p.diameterMm() == null) {
        return true;
      }
      double d = p.diameterMm();
      double v = Double.parseDouble(values.iterator().next());
      return switch (op) {
        case "<=" -> d <= v;
        case ">=" -> d >= v;
        case "<" -> d < v;
        case ">" -> d > v;
        default -> d == v;
      };
    }
  }

  /**
   * What the table needs to know of a pipeline (or of a proposed new one).
   *
   * @param laying {@code direct_buried} or {@code duct} (GB 50289's crossing table tells them
   *     apart for cables), null when not recorded
   */
  public record PipeAttributes(String utility, Double diameterMm, String pressureClass,
      String laying) {
    public PipeAttributes {
      Objects.requireNonNull(utility, "utility");
    }

    /** A pipeline whose laying is not recorded. */
    public PipeAttributes(String utility, Double diameterMm, String pressureClass) {
      this(utility, diameterMm, pressureClass, null);
    }
  }
}
