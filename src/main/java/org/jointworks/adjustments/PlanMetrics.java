package org.jointworks.adjustments;

import java.util.List;
import org.jointworks.projects.Project;

/**
 * The five figures of a county's plan that an adjustment must not lower. Immutable.
 */
public record PlanMetrics(long communities, long buildings, long households, double floorAreaM2,
    double investmentYuan) {

  /** The metric names, in the plan's order (小区数、楼栋数、户数、建筑面积、投资额). */
  public static final List<String> NAMES =
      List.of("communities", "buildings", "households", "floorAreaM2", "investmentYuan");

  public static PlanMetrics of(List<Project> projects) {
    PlanMetrics m = new PlanMetrics(0, 0, 0, 0, 0);
    for (Project p : projects) {
      m = m.plus(1, p.buildings(), p.households(), p.floorAreaM2(), p.budgetYuan());
    }
    return m;
  }

  public PlanMetrics plus(long c, long b, long h, double area, double yuan) {
    return new PlanMetrics(communities + c, buildings + b, households + h, floorAreaM2 + area,
        investmentYuan + yuan);
  }

  public double get(String name) {
    return switch (name) {
      case "communities" -> communities;
      case "buildings" -> buildings;
      case "households" -> households;
      case "floorAreaM2" -> floorAreaM2;
      case "investmentYuan" -> investmentYuan;
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** One metric compared: original plan, plan before, plan after, and whether after ≥ original. */
  public record Comparison(String metric, double original, double before, double after,
      boolean holds) {}

  /**
   * The rule "not lower in any": each metric of {@code after} against {@code original}; areas and
   * money are compared to the cent, so float noise never refuses an equal plan.
   */
  public static List<Comparison> compare(PlanMetrics original, PlanMetrics before,
      PlanMetrics after) {
    return NAMES.stream().map(n -> new Comparison(n, original.get(n), before.get(n), after.get(n),
        Math.round(after.get(n) * 100) >= Math.round(original.get(n) * 100))).toList();
  }
}
