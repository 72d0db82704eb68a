package org.jointworks.layers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jointworks.geo.GeoJsonGeometry;
import org.jointworks.geo.Geometries;
import org.jointworks.geo.StreamedGeometry;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;

/**
 * Reads one GeoJSON Feature into a {@link Feature} of a layer and lists everything wrong with it:
 * geometry (type, emptiness, lon/lat range, JTS validity with location), missing required fields,
 * wrong types, values outside a vocabulary, numbers outside their field's range, texts longer
 * than their column, dates that are not ISO strings, unknown districts or organisations, and an
 * end before the start. Properties the layer does not have are reported, not stored.
 *
 * <p>Stateless apart from the reference codes it is given; safe to share between threads.
 */
public final class FeatureReader {
  private final Layer layer;
  /**
   * Copies of one class whatever their size (decision 106): {@code Set.copyOf} gave the warm-up's
   * one code a {@code Set12} and a city's districts a {@code SetN}, and the JIT's code for
   * {@code contains}, compiled on the warm-up's, was thrown away at the first real import.
   */
  private final HashSet<String> districtCodes;
  private final HashSet<String> organisationCodes;
  /** "name: " of each field, index for index: a problem's prefix, made once, not per feature. */
  private final String[] where;

  public FeatureReader(Layer layer, Set<String> districtCodes, Set<String> organisationCodes) {
    this.layer = layer;
    this.where = layer.fields().stream().map(f -> f.name() + ": ").toArray(String[]::new);
    this.districtCodes = new HashSet<>(districtCodes);
    this.organisationCodes = new HashSet<>(organisationCodes);
  }

  /** The outcome of reading one feature: the feature when {@code problems} is empty. */
  public record Result(Feature feature, List<String> problems, Set<String> ignoredProperties) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  public Result read(JsonNode node) {
    return read(node, null);
  }

  /**
   * Reads a feature whose geometry object was streamed ({@code geometry}, decision 105) rather
   * than left in {@code node}; as {@link #read(JsonNode)} when {@code geometry} is null.
   */
  Result read(JsonNode node, StreamedGeometry geometry) {
    List<String> problems = new ArrayList<>();
    if (node == null || !node.isObject() || !"Feature".equals(node.path("type").asString(""))) {
      return new Result(null, List.of("not a GeoJSON Feature (\"type\": \"Feature\" missing)"),
          Set.of());
    }
    Geometry shape = readGeometry(node.get("geometry"), geometry, problems);
    Map<String, Object> props = new LinkedHashMap<>();
    Set<String> ignored = new TreeSet<>();
    JsonNode in = node.path("properties");
    if (!in.isObject() && !in.isNull() && !in.isMissingNode()) {
      problems.add("'properties' must be an object");
    } else if (in.isObject()) {
      for (String name : in.propertyNames()) {
        if (layer.field(name).isEmpty()) {
          ignored.add(name);
        }
      }
    }
    List<Field> fields = layer.fields();
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      JsonNode value = in.isObject() ? in.get(field.name()) : null;
      Object converted = convert(field, where[i], value, problems);
      if (converted != null) {
        props.put(field.name(), converted);
      }
    }
    checkAcrossFields(props, problems);
    Feature feature = problems.isEmpty() ? Feature.unsaved(shape, props) : null;
    return new Result(feature, List.copyOf(problems), ignored);
  }

  private Geometry readGeometry(JsonNode node, StreamedGeometry streamed, List<String> problems) {
    Geometry g;
    try {
      g = streamed != null ? streamed.toGeometry(Geometries.LONLAT)
          : GeoJsonGeometry.read(node, Geometries.LONLAT);
    } catch (IllegalArgumentException e) {
      problems.add("geometry: " + e.getMessage());
      return null;
    }
    if (g == null) {
      if (layer.geometryRequired()) {
        problems.add("geometry: missing; " + layer.id() + " need a " + layer.geometryKind().expected());
      }
      return null;
    }
    if (!layer.geometryKind().accepts(g)) {
      problems.add("geometry: " + g.getGeometryType() + " is not accepted; " + layer.id()
          + " need a " + layer.geometryKind().expected());
      return null;
    }
    Geometries.problemOf(g).ifPresent(p -> problems.add("geometry: " + p));
    return g;
  }

  private Object convert(Field field, String where, JsonNode value, List<String> problems) {
    if (value == null || value.isNull() || (value.isString() && value.asString().isBlank())) {
      if (field.required()) {
        problems.add(field.name() + ": required");
      }
      return null;
    }
    switch (field.type()) {
      case TEXT -> {
        if (!value.isString() && !value.isNumber()) {
          problems.add(where + "must be a string");
          return null;
        }
        String raw = value.isString() ? value.asString() : value.numberValue().toString();
        if (raw.indexOf('\0') >= 0) {
          // PostgreSQL stores no NUL in a text: refused here, by name, on both stores.
          problems.add(where + "must not contain the character U+0000");
          return null;
        }
        String s = raw.trim();
        if (s.isEmpty()) {
          // Only control characters (trim takes all below U+0021), which isBlank keeps: as
          // absent, so a required name is never stored empty.
          if (field.required()) {
            problems.add(field.name() + ": required");
          }
          return null;
        }
        if (s.length() > field.maxLength()) {
          problems.add(where + "longer than " + field.maxLength() + " characters");
          return null;
        }
        if (!field.allowed().isEmpty() && !field.allowed().contains(s)) {
          problems.add(where + "unknown value '" + s + "'; one of " + new TreeSet<>(field.allowed()));
          return null;
        }
        if (field.reference() == Field.Reference.DISTRICT && !districtCodes.contains(s)) {
          problems.add(where + "unknown district '" + s + "'");
          return null;
        }
        if (field.reference() == Field.Reference.ORGANISATION && !organisationCodes.contains(s)) {
          problems.add(where + "unknown organisation '" + s + "'");
          return null;
        }
        return s;
      }
      case INTEGER -> {
        // The range is checked on the double first: 1e308 is integral but no long.
        if (!value.isNumber() || !inRange(field, value.asDouble(), where, problems)) {
          if (!value.isNumber()) {
            problems.add(where + "must be a whole number");
          }
          return null;
        }
        if (!value.canConvertToExactIntegral()) {
          problems.add(where + "must be a whole number");
          return null;
        }
        return value.asLong();
      }
      case DECIMAL -> {
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
          problems.add(where + "must be a number");
          return null;
        }
        double d = value.asDouble();
        return inRange(field, d, where, problems) ? d : null;
      }
      case DATE -> {
        // Only an ISO string is a date: an object or an array is refused, never converted.
        if (!value.isString()) {
          problems.add(where + "must be a date as YYYY-MM-DD");
          return null;
        }
        try {
          LocalDate d = LocalDate.parse(value.asString());
          if (d.getYear() < Field.FIRST_YEAR || d.getYear() > Field.LAST_YEAR) {
            problems.add(where + "must lie in the years " + Field.FIRST_YEAR + " to "
                + Field.LAST_YEAR);
            return null;
          }
          return d;
        } catch (DateTimeParseException e) {
          problems.add(where + "must be a date as YYYY-MM-DD");
          return null;
        }
      }
      default -> throw new IllegalStateException(field.type().name());
    }
  }

  private static boolean inRange(Field field, double v, String where, List<String> problems) {
    if (!Double.isFinite(v) || v < field.min() || v > field.max()) {
      problems.add(where + (field.nonNegative() && v < 0 ? "must not be negative"
          : "must lie between " + plain(field.min()) + " and " + plain(field.max())));
      return false;
    }
    return true;
  }

  private static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
        : Double.toString(v);
  }

  private void checkAcrossFields(Map<String, Object> props, List<String> problems) {
    if (props.get("start_date") instanceof LocalDate start
        && props.get("end_date") instanceof LocalDate end && end.isBefore(start)) {
      problems.add("end_date: " + end + " is before start_date " + start);
    }
    if (props.containsKey("pressure_class") && !"gas".equals(props.get("utility"))) {
      problems.add("pressure_class: only gas pipelines have a pressure class");
    }
  }
}
