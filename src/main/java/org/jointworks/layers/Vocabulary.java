package org.jointworks.layers;

import java.util.List;
import java.util.Set;

/** The closed vocabularies of the data model (CJJ 61 utilities, work kinds and statuses). */
public final class Vocabulary {
  /** The six utilities of 水电气热信 plus drainage, in the order of the survey standard's legend. */
  public static final List<String> UTILITIES =
      List.of("water_supply", "drainage", "gas", "heating", "power", "telecom");
  public static final Set<String> WORK_KINDS = Set.of("replace", "new", "repair", "remove");
  public static final Set<String> WORK_STATUSES =
      Set.of("proposed", "approved", "in_progress", "completed", "cancelled");
  /** Gas pressure classes of CJJ 51 / GB 50028: low, medium B/A, high-pressure B/A. */
  public static final Set<String> GAS_PRESSURE_CLASSES =
      Set.of("low", "medium_b", "medium_a", "sub_high_b", "sub_high_a", "high_b", "high_a");

  private Vocabulary() {}
}
