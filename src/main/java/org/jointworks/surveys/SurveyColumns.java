package org.jointworks.surveys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jointworks.system.ApiException;
import org.springframework.http.HttpStatus;

/**
 * The fields of the two survey tables and the header words that name them in deliverables
 * (CJJ 61's Chinese column names, their usual variants, and the English field names), and the
 * column-mapping preview: which column feeds which field, which columns match nothing, and which
 * required fields no column supplies. Headers are compared after removing spaces, units in
 * brackets ({@code 埋深(m)}) and case. Immutable and thread-safe.
 */
public enum SurveyColumns {
  /** 管点表: one row per surveyed point (feature points and appurtenances). */
  POINTS(List.of(
      field("point_no", true, "物探点号", "点号", "管点编号", "point_no"),
      field("feature", false, "特征", "特征点", "feature"),
      field("appurtenance", false, "附属物", "appurtenance"),
      field("x", true, "X", "x坐标", "纵坐标", "北坐标"),
      field("y", true, "Y", "y坐标", "横坐标", "东坐标"),
      field("ground_elevation_m", false, "地面高程", "ground_elevation_m"),
      field("depth_m", false, "埋深", "井深", "depth_m"),
      field("utility", false, "管线类别", "类别", "管类", "utility"),
      field("owner", false, "权属单位", "权属", "owner"))),
  /** 管线表: one row per pipe between two surveyed points. */
  LINES(List.of(
      field("start_point", true, "起点号", "起点点号", "起点", "start_point"),
      field("end_point", true, "终点号", "终点点号", "终点", "end_point"),
      field("material", false, "材质", "管材", "material"),
      field("diameter_mm", false, "管径", "规格", "断面尺寸", "diameter_mm"),
      field("depth_start_m", false, "起点埋深", "depth_start_m"),
      field("depth_end_m", false, "终点埋深", "depth_end_m"),
      field("depth_m", false, "埋深", "depth_m"),
      field("laying", false, "埋设方式", "敷设方式", "laying"),
      field("pressure_class", false, "压力", "压力等级", "pressure_class"),
      field("year_built", false, "建设年代", "埋设年代", "year_built"),
      field("utility", false, "管线类别", "类别", "管类", "utility"),
      field("owner", false, "权属单位", "权属", "owner")));

  /**
   * A field of a table and the header words that name it; {@code label} is the first of them as
   * written, the header the export writes (so an export maps back to the same fields).
   */
  public record Field(String name, boolean required, String label, List<String> headers) {
    public Field {
      headers = headers.stream().map(SurveyColumns::normal).toList();
    }
  }

  /**
   * The preview of one table's headers.
   *
   * @param columns field name → 0-based column index, for every field some column names
   * @param unmatched the headers that name no field, in column order
   * @param missing the required fields no column names
   */
  public record Mapping(Map<String, Integer> columns, List<String> unmatched,
      List<String> missing) {
    public Mapping {
      columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
      unmatched = List.copyOf(unmatched);
      missing = List.copyOf(missing);
    }
  }

  private final List<Field> fields;

  SurveyColumns(List<Field> fields) {
    this.fields = List.copyOf(fields);
  }

  public List<Field> fields() {
    return fields;
  }

  /** Maps {@code headers} to this table's fields: the first column naming a field feeds it. */
  public Mapping map(List<String> headers) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    List<String> unmatched = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      String h = normal(headers.get(i));
      Field f = fields.stream().filter(x -> x.headers().contains(h)).findFirst().orElse(null);
      if (f == null || columns.containsKey(f.name())) {
        unmatched.add(headers.get(i));
      } else {
        columns.put(f.name(), i);
      }
    }
    List<String> missing = fields.stream().filter(f -> f.required() && !columns.containsKey(
        f.name())).map(Field::name).toList();
    return new Mapping(columns, unmatched, missing);
  }

  /**
   * Maps {@code headers} as {@link #map(List)} does, except that {@code explicit} (field name →
   * header, as the client chose it in the preview) decides for the fields it names; a header it
   * gives a field feeds no other.
   *
   * @throws ApiException 400 {@code survey.mapping_field} for a field this table does not have,
   *     {@code survey.mapping_header} for a header the table does not have
   */
  public Mapping map(List<String> headers, Map<String, String> explicit) {
    if (explicit == null || explicit.isEmpty()) {
      return map(headers);
    }
    Map<String, Integer> chosen = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : explicit.entrySet()) {
      if (fields.stream().noneMatch(f -> f.name().equals(e.getKey()))) {
        throw ApiException.of(HttpStatus.BAD_REQUEST, "survey.mapping_field",
            "the mapping names a field the " + table() + " table does not have",
            Map.of("table", table(), "field", e.getKey()));
      }
      int col = headers.indexOf(e.getValue());
      if (col < 0) {
        throw ApiException.of(HttpStatus.BAD_REQUEST, "survey.mapping_header",
            "the mapping names a column the " + table() + " table does not have",
            Map.of("table", table(), "header", String.valueOf(e.getValue())));
      }
      chosen.put(e.getKey(), col);
    }
    Mapping auto = map(headers);
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (Field f : fields) {
      Integer col = chosen.containsKey(f.name()) ? chosen.get(f.name())
          : auto.columns().get(f.name());
      if (col != null && (chosen.containsKey(f.name()) || !chosen.containsValue(col))) {
        columns.put(f.name(), col);
      }
    }
    List<String> unmatched = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      if (!columns.containsValue(i)) {
        unmatched.add(headers.get(i));
      }
    }
    List<String> missing = fields.stream().filter(f -> f.required() && !columns.containsKey(
        f.name())).map(Field::name).toList();
    return new Mapping(columns, unmatched, missing);
  }

  /** {@code points} or {@code lines}, as errors name the table. */
  public String table() {
    return this == POINTS ? "points" : "lines";
  }

  /** The export's header row: every field's label, in field order. */
  public List<String> labels() {
    return fields.stream().map(Field::label).toList();
  }

  private static Field field(String name, boolean required, String... headers) {
    return new Field(name, required, headers[0], List.of(headers));
  }

  /** Without spaces, a unit in brackets or case: "埋深 (m)" and "埋深（米）" are "埋深". */
  static String normal(String header) {
    return header.replaceAll("[(（\\[].*?[)）\\]]", "").replaceAll("\\s+", "")
        .toLowerCase(Locale.ROOT);
  }
}
