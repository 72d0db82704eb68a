package org.jointworks.projects;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The consent gate of the plan: construction may start only when at least the threshold share of
 * the project's households (all of them, not only those who answered: 经80%以上居民同意) consented
 * to the scheme and to the property-management model, each by its latest count. Stateless.
 */
public final class ConsentGate {
  private ConsentGate() {}

  /** The figures of one question; {@code householdsConsenting} is 0 when nothing was recorded. */
  public record Figure(String question, long householdsConsenting, long households,
      double percent, double requiredPercent, boolean met, LocalDate collectedOn,
      String evidenceRef) {}

  /** Both questions' figures for {@code project} as of {@code day}. */
  public static List<Figure> figures(Project project, double threshold, LocalDate day) {
    List<Figure> out = new ArrayList<>();
    for (ConsentQuestion q : ConsentQuestion.values()) {
      var latest = project.latestConsent(q, day);
      long yes = latest.map(Project.Consent::householdsConsenting).orElse(0L);
      long all = project.households();
      // Integer comparison: yes/all >= threshold without rounding a 79.99% up to 80%.
      boolean met = latest.isPresent() && all > 0 && yes * 10_000 >= Math.round(threshold * 10_000) * all;
      double percent = all == 0 ? 0 : Math.round(yes * 10_000.0 / all) / 100.0;
      out.add(new Figure(q.code(), yes, all, percent, threshold * 100, met,
          latest.map(Project.Consent::collectedOn).orElse(null),
          latest.map(Project.Consent::evidenceRef).orElse(null)));
    }
    return out;
  }

  public static boolean met(Project project, double threshold, LocalDate day) {
    return figures(project, threshold, day).stream().allMatch(Figure::met);
  }
}
