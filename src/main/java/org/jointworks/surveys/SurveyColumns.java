package org.jointworks.surveys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
      field("x", true, "x", "x坐标", "纵坐标", "北坐标"),
      field("y", true, "y", "y坐标", "横坐标", "东坐标"),
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

  /** A field of a table and the header words that name it. */
  public record Field(String name, boolean required, List<String> headers) {
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

  private static Field field(String name, boolean required, String... headers) {
    return new Field(name, required, List.of(headers));
  }

  /** Without spaces, a unit in brackets or case: "埋深 (m)" and "埋深（米）" are "埋深". */
  static String normal(String header) {
    return header.replaceAll("[(（\\[].*?[)）\\]]", "").replaceAll("\\s+", "")
        .toLowerCase(Locale.ROOT);
  }
}
