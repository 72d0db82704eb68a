package org.jointworks.linkage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The service-facility kinds a complete community is checked for. The plan (rule 7) names
 * provision for the elderly and for small children (一老一小); the rest are the kinds of the
 * sample city's facilities layer. Kinds that appear in the data but not here are checked too, so
 * a city that records, say, {@code library} gets it in its gap report without a code change.
 */
final class FacilityKinds {
  /** Elderly care and childcare first: the plan's 一老一小. */
  static final List<String> CHECKED = List.of("elderly_care", "childcare", "clinic",
      "kindergarten", "canteen", "community_service", "fitness");

  private FacilityKinds() {}

  /** The checked kinds followed by any other kind present in the data, in first-seen order. */
  static List<String> withDataKinds(Iterable<String> dataKinds) {
    Set<String> kinds = new LinkedHashSet<>(CHECKED);
    List<String> extra = new ArrayList<>();
    for (String k : dataKinds) {
      if (k != null && !kinds.contains(k) && !extra.contains(k)) {
        extra.add(k);
      }
    }
    extra.sort(null);
    kinds.addAll(extra);
    return List.copyOf(kinds);
  }
}
