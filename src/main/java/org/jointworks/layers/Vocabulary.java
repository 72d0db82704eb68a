package org.jointworks.layers;

import java.util.List;
import java.util.Set;

/** The closed vocabularies of the data model (CJJ 61 utilities, work kinds and statuses). */
public final class Vocabulary {
  /** The six utilities of 水电气热信 plus drainage, in the order of the survey standard's legend. */
  public static final List<String> UTILITIES =
      List.of("water_supply", "drainage", "gas", "heating", "power", "telecom");
  public static final Set<String> WORK_KINDS = Set.of("replace", "new", "repair", "remove");
  /**
   * The lifecycle of a work's permit (docs/permits.md): draft → submitted → approved | refused →
   * in_progress → completed, plus withdrawn and cancelled. Only the permit steps move a work
   * between them; a layer write by a utility stores drafts only.
   */
  public static final Set<String> WORK_STATUSES = Set.of("draft", "submitted", "approved",
      "refused", "in_progress", "completed", "withdrawn", "cancelled");
  /** What a work does to traffic, as the public works list tells it. */
  public static final Set<String> TRAFFIC_IMPACTS =
      Set.of("none", "partial_closure", "full_closure");
  /** The statuses anonymous users may see: what the authority granted and what is under way. */
  public static final Set<String> PUBLIC_WORK_STATUSES = Set.of("approved", "in_progress");
  /** The statuses of works that will not dig: they never conflict. */
  public static final Set<String> INACTIVE_WORK_STATUSES =
      Set.of("draft", "refused", "withdrawn", "cancelled");
  /** Gas pressure classes of CJJ 51 / GB 50028: low, medium B/A, high-pressure B/A. */
  public static final Set<String> GAS_PRESSURE_CLASSES =
      Set.of("low", "medium_b", "medium_a", "sub_high_b", "sub_high_a", "high_b", "high_a");

  /**
   * How a pipeline is laid (CJJ 61's 埋设方式): {@code direct_buried} (直埋) or {@code duct}
   * (管沟, 管块 or a protective sleeve), which GB 50289's crossing table tells apart for cables.
   */
  public static final Set<String> PIPE_LAYINGS = Set.of("direct_buried", "duct");

  /**
   * A pipe point's appurtenance (CJJ 61's 附属物), the common ones of the six utilities:
   * valves and their chambers, manholes, hydrants, meters, air and drain valves, gas condensate
   * traps and regulators, drainage gullies and outfalls, cable hand holes and junction boxes.
   * The survey import reads their Chinese names too (surveys/SurveyVocabulary).
   */
  public static final Set<String> APPURTENANCES = Set.of("valve", "valve_chamber", "manhole",
      "hydrant", "water_meter", "air_valve", "drain_valve", "condensate_trap",
      "pressure_regulator", "gully", "outfall", "hand_hole", "junction_box", "transformer");

  private Vocabulary() {}
}
