package org.jointworks.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jointworks.layers.Field;
import org.jointworks.layers.Layer;
import org.jointworks.system.ApiException;

/**
 * Which file column fills which field of a layer. In order: the caller's explicit mapping; a
 * column named like a field (case-insensitive); then a column cut short by the DBF format's
 * 10-character limit — what ogr2ogr and ArcGIS write for {@code floor_area_m2} is {@code
 * floor_area} — mapped to the one field its name begins, when exactly one field not yet taken
 * begins so. A column that begins several fields (ambiguous) or none is left out and listed, so
 * the map offers a choice. Stateless.
 *
 * @param columnToField the mapping in effect, in column order
 * @param unmapped the columns left out
 * @param automatic the columns mapped by the truncation rule (the preview says so)
 */
record ColumnMapping(Map<String, String> columnToField, List<String> unmapped,
    List<String> automatic) {
  /** The DBF format's limit on a column name. */
  static final int DBF_NAME_LENGTH = 10;

  ColumnMapping {
    columnToField = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columnToField));
    unmapped = List.copyOf(unmapped);
    automatic = List.copyOf(automatic);
  }

  static ColumnMapping of(Layer layer, List<String> columns, Map<String, String> explicit) {
    Map<String, String> effective = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : explicit.entrySet()) {
      if (!columns.contains(e.getKey())) {
        throw ApiException.of(org.springframework.http.HttpStatus.BAD_REQUEST,
            "upload.mapping_column", "the mapping names a column '" + e.getKey()
                + "' the file does not have; its columns are " + columns,
            Map.of("column", e.getKey()));
      }
      if (e.getValue() == null || e.getValue().isEmpty()) {
        continue; // explicitly left out
      }
      if (layer.field(e.getValue()).isEmpty()) {
        throw ApiException.of(org.springframework.http.HttpStatus.BAD_REQUEST,
            "upload.mapping_field", "the mapping names a field '" + e.getValue() + "' that "
                + layer.id() + " do not have; fields: "
                + layer.fields().stream().map(Field::name).toList(),
            Map.of("field", e.getValue(), "layer", layer.id()));
      }
      effective.put(e.getKey(), e.getValue());
    }
    List<String> rest = new ArrayList<>();
    for (String c : columns) {
      if (explicit.containsKey(c)) {
        continue;
      }
      String lower = c.toLowerCase(Locale.ROOT);
      if (layer.field(lower).isPresent() && !effective.containsValue(lower)) {
        effective.put(c, lower);
      } else {
        rest.add(c);
      }
    }
    List<String> unmapped = new ArrayList<>();
    List<String> automatic = new ArrayList<>();
    for (String c : rest) {
      List<String> begun = begun(layer, c, effective);
      if (c.length() == DBF_NAME_LENGTH && begun.size() == 1) {
        effective.put(c, begun.get(0));
        automatic.add(c);
      } else {
        unmapped.add(c);
      }
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String c : columns) {
      if (effective.containsKey(c)) {
        ordered.put(c, effective.get(c));
      }
    }
    return new ColumnMapping(ordered, unmapped, automatic);
  }

  /** The fields not yet taken whose names begin with the column's name. */
  private static List<String> begun(Layer layer, String column, Map<String, String> taken) {
    String lower = column.toLowerCase(Locale.ROOT);
    return layer.fields().stream().map(Field::name)
        .filter(f -> f.startsWith(lower) && !taken.containsValue(f)).toList();
  }
}
