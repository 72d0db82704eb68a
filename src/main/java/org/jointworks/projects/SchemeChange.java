package org.jointworks.projects;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether an edit changes a consented scheme materially: content removed, or the budget moved by
 * more than the city's share ({@code jointworks.rules.scheme-change-share}). Residents consented
 * to a scheme, so such a change unbinds their consent. Stateless.
 */
final class SchemeChange {
  private SchemeChange() {}

  /** What makes the change material; empty if it is not. */
  static List<String> material(Project before, ProjectInput after, double share) {
    List<String> why = new ArrayList<>();
    Set<String> kept = after.content().stream().map(Project.Item::code)
        .collect(Collectors.toSet());
    List<String> removed = before.content().stream().map(Project.Item::code)
        .filter(c -> !kept.contains(c)).toList();
    if (!removed.isEmpty()) {
      why.add("content removed: " + String.join(", ", removed));
    }
    double change = Math.abs(after.budgetYuan() - before.budgetYuan());
    if (before.budgetYuan() > 0 && change > share * before.budgetYuan()) {
      why.add(String.format(Locale.ROOT, "budget changed by %.1f%% (more than %.1f%%)",
          100 * change / before.budgetYuan(), 100 * share));
    }
    return why;
  }

  /** Whether residents were asked about this scheme: any consent count recorded. */
  static boolean consulted(Project p) {
    return !p.consent().isEmpty();
  }
}
