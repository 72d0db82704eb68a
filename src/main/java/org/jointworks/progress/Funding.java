package org.jointworks.progress;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jointworks.projects.FundingSource;
import org.jointworks.projects.Project;

/**
 * Money per funding source (rule 8 of the plan: central and provincial subsidies, special bonds,
 * bank credit, utility companies, residents, social capital), across the programme and per
 * county, from the projects in the plan of the programme year. Immutable.
 */
public record Funding(int programmeYear, double totalYuan, List<Line> bySource,
    List<County> counties) {

  public record Line(String source, String nameZh, double amountYuan, double share) {}

  public record County(String district, double totalYuan, List<Line> bySource) {}

  static Funding of(List<Project> projects, int year) {
    Map<FundingSource, Double> all = new EnumMap<>(FundingSource.class);
    Map<String, Map<FundingSource, Double>> perCounty = new TreeMap<>();
    for (Project p : projects) {
      if (!p.inPlan() || p.programmeYear() != year) {
        continue;
      }
      for (Project.Funding f : p.funding()) {
        all.merge(f.source(), f.amountYuan(), Double::sum);
        perCounty.computeIfAbsent(p.district(), k -> new EnumMap<>(FundingSource.class))
            .merge(f.source(), f.amountYuan(), Double::sum);
      }
    }
    List<County> counties = new ArrayList<>();
    perCounty.forEach((d, m) -> counties.add(new County(d, total(m), lines(m))));
    return new Funding(year, total(all), lines(all), counties);
  }

  private static double total(Map<FundingSource, Double> m) {
    return m.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  private static List<Line> lines(Map<FundingSource, Double> m) {
    double total = total(m);
    List<Line> out = new ArrayList<>();
    for (FundingSource s : FundingSource.values()) {
      double v = m.getOrDefault(s, 0.0);
      out.add(new Line(s.code(), s.nameZh(), v,
          total == 0 ? 0 : Math.round(v / total * 10_000) / 10_000.0));
    }
    return out;
  }
}
