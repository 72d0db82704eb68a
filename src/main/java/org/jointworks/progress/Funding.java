package org.jointworks.progress;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jointworks.projects.FundingSource;
import org.jointworks.projects.FundsRepository;
import org.jointworks.projects.FundsService;
import org.jointworks.projects.Project;

/**
 * Money per funding source (rule 8 of the plan: central and provincial subsidies, special bonds,
 * bank credit, utility companies, residents, social capital), across the programme and per
 * county, from the projects in the plan of the programme year: the budgeted amount and the
 * amount recorded in place (开工资金到位). {@code source} says where the figures come from: the
 * list of sources is the plan's (四(三)), the amounts are the projects' records; the rule on
 * funds before a start is the city's ({@code fundsRule}, a local setting). Immutable.
 */
public record Funding(int programmeYear, double totalYuan, double inPlaceYuan,
    List<Line> bySource, List<County> counties, String source, String basis,
    FundsService.FundsRule fundsRule) {

  public record Line(String source, String nameZh, double amountYuan, double share,
      double inPlaceYuan) {}

  public record County(String district, double totalYuan, double inPlaceYuan,
      List<Line> bySource) {}

  static Funding of(List<Project> projects, int year, List<FundsRepository.InPlace> inPlace,
      FundsService.FundsRule rule) {
    Map<FundingSource, Double> all = new EnumMap<>(FundingSource.class);
    Map<String, Map<FundingSource, Double>> perCounty = new TreeMap<>();
    Map<FundingSource, Double> allIn = new EnumMap<>(FundingSource.class);
    Map<String, Map<FundingSource, Double>> perCountyIn = new TreeMap<>();
    Map<Long, Project> counted = new java.util.HashMap<>();
    for (Project p : projects) {
      if (!p.inPlan() || p.programmeYear() != year) {
        continue;
      }
      counted.put(p.id(), p);
      perCountyIn.computeIfAbsent(p.district(), k -> new EnumMap<>(FundingSource.class));
      for (Project.Funding f : p.funding()) {
        all.merge(f.source(), f.amountYuan(), Double::sum);
        perCounty.computeIfAbsent(p.district(), k -> new EnumMap<>(FundingSource.class))
            .merge(f.source(), f.amountYuan(), Double::sum);
      }
    }
    for (FundsRepository.InPlace f : inPlace) {
      Project p = counted.get(f.projectId());
      if (p != null) {
        allIn.merge(f.source(), f.amountYuan(), Double::sum);
        perCountyIn.get(p.district()).merge(f.source(), f.amountYuan(), Double::sum);
      }
    }
    List<County> counties = new ArrayList<>();
    perCounty.forEach((d, m) -> counties.add(new County(d, total(m),
        total(perCountyIn.get(d)), lines(m, perCountyIn.get(d)))));
    return new Funding(year, total(all), total(allIn), lines(all, allIn), counties, "plan",
        "资金来源: 中央和省级补助、专项债券、信贷支持、专营单位出资、居民出资、社会资本 (plan 四(三));"
            + " amounts: the projects' budget estimates and the funds recorded in place",
        rule);
  }

  private static double total(Map<FundingSource, Double> m) {
    return m.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  private static List<Line> lines(Map<FundingSource, Double> m,
      Map<FundingSource, Double> in) {
    double total = total(m);
    List<Line> out = new ArrayList<>();
    for (FundingSource s : FundingSource.values()) {
      double v = m.getOrDefault(s, 0.0);
      out.add(new Line(s.code(), s.nameZh(), v,
          total == 0 ? 0 : Math.round(v / total * 10_000) / 10_000.0, in.getOrDefault(s, 0.0)));
    }
    return out;
  }
}
