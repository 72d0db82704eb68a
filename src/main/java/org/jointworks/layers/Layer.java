package org.jointworks.layers;

import static org.jointworks.layers.Field.Reference.DISTRICT;
import static org.jointworks.layers.Field.Reference.ORGANISATION;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stored layers and their fields. Field names follow the survey standard CJJ 61 and the plan;
 * they are the GeoJSON property names and the table columns at once.
 */
public enum Layer {
  DISTRICTS("districts", GeometryKind.AREA, false, true, Access.PLANNING, List.of(
      Field.text("code", true, 32),
      Field.text("name", true, 200),
      Field.text("name_en", false, 200),
      Field.count("target_communities", false, 100_000),
      Field.count("target_households", false, 100_000_000),
      Field.count("target_buildings", false, 10_000_000),
      Field.measure("target_floor_area_m2", false, 1e11),
      Field.measure("target_investment", false, 1e13))),
  COMMUNITIES("communities", GeometryKind.AREA, true, true, Access.PLANNING, List.of(
      Field.text("name", true, 200),
      Field.ref("district", true, DISTRICT),
      Field.count("households", true, 1_000_000),
      Field.count("buildings", true, 100_000),
      Field.measure("floor_area_m2", true, 1e9),
      Field.year("build_year", false))),
  PIPELINES("pipelines", GeometryKind.LINE, true, false, Access.OWNER, List.of(
      Field.oneOf("utility", true, Set.copyOf(Vocabulary.UTILITIES)),
      Field.ref("owner", true, ORGANISATION),
      Field.text("material", false, 100),
      Field.measure("diameter_mm", false, 10_000),
      Field.oneOf("pressure_class", false, Vocabulary.GAS_PRESSURE_CLASSES),
      Field.measure("depth_m", false, 200),
      // Depth (to the pipe's top) at the start and the end of the line, interpolated along it
      // for the vertical clearance at a crossing (docs/coordination.md, "Clearances").
      Field.measure("depth_start_m", false, 200),
      Field.measure("depth_end_m", false, 200),
      Field.oneOf("laying", false, Vocabulary.PIPE_LAYINGS),
      Field.year("year_built", false),
      // The surveyed pipe points (物探点号 of PIPE_POINTS, same owner) the line runs between,
      // when it came from a survey deliverable (docs/surveys.md).
      Field.text("start_point", false, 64),
      Field.text("end_point", false, 64))),
  /**
   * The surveyed pipe points of CJJ 61's 管点表 (feature points and appurtenances), utility data
   * like the pipelines: signed-in users only, each utility writes its own. {@code point_no} is
   * unique per owner (the store's index pipe_points_number). Its id is kebab-case like every
   * OGC API collection's ({@code pipe-points}); its table is {@code pipe_points}.
   */
  PIPE_POINTS("pipe-points", "pipe_points", GeometryKind.POINT, true, false, Access.OWNER, List.of(
      Field.text("point_no", true, 64),
      Field.text("feature", false, 64),
      Field.oneOf("appurtenance", false, Vocabulary.APPURTENANCES),
      Field.oneOf("utility", true, Set.copyOf(Vocabulary.UTILITIES)),
      Field.ref("owner", true, ORGANISATION),
      Field.elevation("ground_elevation_m", false),
      Field.measure("depth_m", false, 200))),
  WORKS("works", GeometryKind.LINE_OR_AREA, true, true, Access.OWNER, List.of(
      Field.oneOf("utility", true, Set.copyOf(Vocabulary.UTILITIES)),
      Field.ref("owner", true, ORGANISATION),
      Field.oneOf("kind", true, Vocabulary.WORK_KINDS),
      Field.date("start_date", true),
      Field.date("end_date", true),
      Field.measure("trench_width_m", false, 100),
      // Optional on input: a new work is a draft; the permit steps set it (LayerWriteRule).
      Field.oneOf("status", false, Vocabulary.WORK_STATUSES),
      // What the public works list tells citizens (docs/permits.md, "The public works view").
      Field.text("street", false, 200),
      Field.oneOf("traffic_impact", false, Vocabulary.TRAFFIC_IMPACTS),
      Field.text("contact", false, 200))),
  FACILITIES("facilities", GeometryKind.POINT, true, false, Access.PLANNING, List.of(
      Field.text("kind", true, 64),
      Field.text("name", true, 200))),
  STREETS("streets", GeometryKind.LINE, true, true, Access.PLANNING, List.of(
      Field.text("name", false, 200),
      Field.measure("width_m", false, 1000)));

  /** Who may write a layer's features, beside ADMIN who may write all. */
  public enum Access {
    /** Planners edit the planning layers. */
    PLANNING,
    /** A utility edits only the features whose {@code owner} is its own organisation. */
    OWNER
  }

  private final String id;
  private final String table;
  private final GeometryKind geometryKind;
  private final boolean geometryRequired;
  private final boolean publicRead;
  private final Access access;
  private final List<Field> fields;
  /** The fields by name, for the per-property lookups of an import. */
  private final Map<String, Field> byName;

  Layer(String id, GeometryKind geometryKind, boolean geometryRequired, boolean publicRead,
      Access access, List<Field> fields) {
    this(id, id, geometryKind, geometryRequired, publicRead, access, fields);
  }

  Layer(String id, String table, GeometryKind geometryKind, boolean geometryRequired,
      boolean publicRead, Access access, List<Field> fields) {
    this.id = id;
    this.table = table;
    this.geometryKind = geometryKind;
    this.geometryRequired = geometryRequired;
    this.publicRead = publicRead;
    this.access = access;
    this.fields = List.copyOf(fields);
    Map<String, Field> named = new HashMap<>();
    fields.forEach(f -> named.put(f.name(), f));
    this.byName = Collections.unmodifiableMap(named);
  }

  /** The layer's name in URLs (and its table's name, but for {@link #PIPE_POINTS}). */
  public String id() {
    return id;
  }

  /** The layer's table: its id, or {@code pipe_points} for the kebab-case {@code pipe-points}. */
  public String table() {
    return table;
  }

  public GeometryKind geometryKind() {
    return geometryKind;
  }

  public boolean geometryRequired() {
    return geometryRequired;
  }

  /**
   * Whether anonymous users may read it. Pipelines are critical infrastructure and facilities are
   * not in the public brief, so both need a signed-in user.
   */
  public boolean publicRead() {
    return publicRead;
  }

  public Access access() {
    return access;
  }

  public List<Field> fields() {
    return fields;
  }

  /** The field called {@code name}: a map lookup, as an import asks once per property read. */
  public Optional<Field> field(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The layer named {@code id} in a URL. */
  public static Optional<Layer> byId(String id) {
    String wanted = id == null ? "" : id.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(l -> l.id.equals(wanted)).findFirst();
  }
}
