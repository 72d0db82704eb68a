package org.jointworks.coordination.engine;

import java.util.List;
import java.util.Optional;

/**
 * The minimum horizontal clearances between pipelines of different utilities. Where several rows
 * apply to a pair (in either orientation), the largest minimum wins. A pair that no row covers has
 * no requirement: it is not checked, and {@link #covers} says so. Immutable; thread-safe.
 */
public final class ClearanceTable {
  private final List<ClearanceRule> rules;
  private final double maxMeters;

  public ClearanceTable(List<ClearanceRule> rules) {
    this.rules = List.copyOf(rules);
    this.maxMeters = rules.stream().mapToDouble(ClearanceRule::minMeters).max().orElse(0);
  }

  public List<ClearanceRule> rules() {
    return rules;
  }

  /** The largest minimum of the table: no pair further apart than this can violate it. */
  public double maxMeters() {
    return maxMeters;
  }

  public boolean covers(String utilityA, String utilityB) {
    return rules.stream().anyMatch(r -> r.utilityA().equals(utilityA) && r.utilityB().equals(utilityB)
        || r.utilityA().equals(utilityB) && r.utilityB().equals(utilityA));
  }

  /** The governing row for two pipelines, if any applies. */
  public Optional<ClearanceRule> required(ClearanceRule.PipeAttributes a,
      ClearanceRule.PipeAttributes b) {
    ClearanceRule best = null;
    for (ClearanceRule r : rules) {
      if ((r.applies(a, b) || r.applies(b, a))
          && (best == null || r.minMeters() > best.minMeters())) {
        best = r;
      }
    }
    return Optional.ofNullable(best);
  }
}
