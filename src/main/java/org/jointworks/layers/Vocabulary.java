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

  private Vocabulary() {}
}
