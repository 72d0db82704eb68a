package org.jointworks.progress;

import java.util.Collection;
import org.jointworks.projects.Project;

/**
 * Counts of a set of communities or projects: how many, households, buildings, floor area and
 * (for projects) investment. Immutable.
 */
public record Figures(long communities, long households, long buildings, double floorAreaM2,
    Double investmentYuan) {
  public static final Figures ZERO = new Figures(0, 0, 0, 0, null);

  public static Figures of(Collection<Project> projects) {
    long h = 0;
    long b = 0;
    double a = 0;
    double y = 0;
    for (Project p : projects) {
      h += p.households();
      b += p.buildings();
      a += p.floorAreaM2();
      y += p.budgetYuan();
    }
    return new Figures(projects.size(), h, b, Math.round(a * 100) / 100.0, y);
  }

  public Figures plus(Figures o) {
    Double y = investmentYuan == null && o.investmentYuan == null ? null
        : (investmentYuan == null ? 0 : investmentYuan)
            + (o.investmentYuan == null ? 0 : o.investmentYuan);
    return new Figures(communities + o.communities, households + o.households,
        buildings + o.buildings, Math.round((floorAreaM2 + o.floorAreaM2) * 100) / 100.0, y);
  }
}
