package org.jointworks.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jointworks.layers.Feature;
import org.jointworks.projects.Project;
import org.jointworks.projects.ProjectInput;

/**
 * The deterministic content of the sample programme's projects: for each community the items,
 * budget, funding, units, person and survey findings, and the dates of its history up to
 * 2023-07-15. Seeded by the community's name and district, so the same city always gives the same
 * programme. Stateless.
 */
final class SampleProjects {
  /** The day the sample programme stands at. */
  static final LocalDate AS_OF = LocalDate.of(2023, 7, 15);
  /** How likely a county's project slips past a deadline; the slower counties lag more. */
  private static final Map<String, Double> LATENESS = Map.ofEntries(
      Map.entry("weibin", 0.10), Map.entry("hongqi", 0.08), Map.entry("muye", 0.15),
      Map.entry("fengquan", 0.20), Map.entry("gaoxin", 0.05), Map.entry("huixian", 0.30),
      Map.entry("weihui", 0.45), Map.entry("yuanyang", 0.30), Map.entry("yanjin", 0.20),
      Map.entry("fengqiu", 0.50), Map.entry("changyuan", 0.12));
  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
      "徐", "孙", "马", "朱", "胡", "郭"};
  private static final String[] GIVEN = {"建国", "志强", "丽华", "海燕", "国庆", "红梅", "伟", "静",
      "军", "敏", "新民", "玉兰", "春生", "桂芳"};
  private static final Map<String, Project.Finding> FINDINGS = Map.of(
      "gas", new Project.Finding("safety_hazard", "gas", "燃气立管锈蚀，存在泄漏隐患", null),
      "drainage", new Project.Finding("safety_hazard", "drainage", "雨污混流，汛期院内积水", null),
      "power", new Project.Finding("safety_hazard", "power", "架空线路老化、私拉乱接", null),
      "water_supply", new Project.Finding("safety_hazard", "water_supply", "供水管网锈蚀，水压不足", null),
      "fire_lanes", new Project.Finding("safety_hazard", "fire_lanes", "消防通道被占用，消防设施缺失", null),
      "exterior_walls", new Project.Finding("safety_hazard", "exterior_walls", "外墙饰面空鼓脱落", null),
      "age_friendly", new Project.Finding("missing_facility", "age_friendly", "无障碍坡道和扶手缺失", null),
      "parking", new Project.Finding("missing_facility", "parking", "停车位不足，车辆乱停", null),
      "community_services", new Project.Finding("missing_facility", "community_services",
          "缺少社区综合服务用房", null),
      "lifts", new Project.Finding("missing_facility", "lifts", "多层住宅无电梯，老年住户出行困难", null));

  private SampleProjects() {}

  /** A community's planned history: the day of each step reached by {@link #AS_OF}. */
  record Plan(ProjectInput input, LocalDate schemeOn, long schemeConsent, long pmConsent,
      LocalDate consentOn, LocalDate startOn, LocalDate completeOn) {}

  static SplittableRandom random(Feature community) {
    return new SplittableRandom(20230207L * 31 + (community.text("district") + "/"
        + community.text("name")).hashCode());
  }

  static Plan plan(Feature c, boolean forceLowConsent) {
    SplittableRandom r = random(c);
    String district = c.text("district");
    double lateness = LATENESS.getOrDefault(district, 0.2);
    long households = ((Number) c.get("households")).longValue();
    long buildings = ((Number) c.get("buildings")).longValue();
    double area = ((Number) c.get("floor_area_m2")).doubleValue();
    Object builtObj = c.get("build_year");
    long built = builtObj == null ? 1995 : ((Number) builtObj).longValue();

    LinkedHashSet<String> items = new LinkedHashSet<>(List.of("water_supply", "drainage"));
    for (String u : List.of("power", "gas", "telecom", "heating")) {
      if (r.nextDouble() < 0.6) {
        items.add(u);
      }
    }
    for (String i : List.of("roads", "roofs", "exterior_walls", "fire_lanes", "stairwells",
        "security", "greening", "lighting", "parking", "age_friendly", "energy_saving",
        "ev_charging", "waste_sorting")) {
      if (r.nextDouble() < 0.45) {
        items.add(i);
      }
    }
    if (buildings >= 4 && built < 2000 && r.nextDouble() < 0.4) {
      items.add("lifts");
    }
    if (households >= 300 && r.nextDouble() < 0.5) {
      items.add("community_services");
    }
    double rate = 260 + r.nextInt(200) + (items.contains("lifts") ? 90 : 0);
    double budget = Math.round(area * rate / 1000.0) * 1000.0;
    List<ProjectInput.FundingInput> funding = funding(budget, items.contains("gas")
        || items.contains("power"), r);
    List<Project.Finding> findings = new ArrayList<>();
    for (String i : items) {
      if (FINDINGS.containsKey(i) && findings.size() < 3 && r.nextDouble() < 0.6) {
        findings.add(FINDINGS.get(i));
      }
    }
    if (findings.isEmpty()) {
      findings.add(FINDINGS.get("drainage"));
    }
    String person = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
    LocalDate surveyed = LocalDate.of(2023, 1, 4).plusDays(r.nextInt(40));
    ProjectInput input = new ProjectInput(c.id(), 2023, budget,
        items.stream().map(i -> new Project.Item(i, null)).toList(), funding,
        "县（市、区）政府统筹，住建部门牵头；水电气热信统筹施工；质量安全抽检巡检；专人负责信息报送",
        districtName(district) + "城市建设投资有限公司", c.text("name") + "所在街道办事处", person,
        findings, surveyed, null);

    boolean late = r.nextDouble() < lateness;
    LocalDate schemeOn = late && r.nextBoolean() ? LocalDate.of(2023, 3, 21).plusDays(r.nextInt(20))
        : LocalDate.of(2023, 2, 20).plusDays(r.nextInt(26));
    if (!schemeOn.isAfter(surveyed)) {
      schemeOn = surveyed.plusDays(7);
    }
    boolean lowConsent = forceLowConsent || r.nextDouble() < 0.05;
    double schemeShare = lowConsent ? 0.58 + r.nextDouble() * 0.2 : 0.82 + r.nextDouble() * 0.15;
    double pmShare = lowConsent && r.nextBoolean() ? schemeShare + 0.05
        : 0.81 + r.nextDouble() * 0.16;
    LocalDate consentOn = schemeOn.plusDays(2 + r.nextInt(6));
    LocalDate startOn = null;
    LocalDate completeOn = null;
    if (!lowConsent) {
      startOn = late ? LocalDate.of(2023, 4, 1).plusDays(r.nextInt(60))
          : consentOn.plusDays(1 + r.nextInt(5));
      if (startOn.isBefore(consentOn)) {
        startOn = consentOn;
      }
      if (startOn.isAfter(AS_OF)) {
        startOn = null;
      } else if (households < 90 && r.nextDouble() < 0.5) {
        LocalDate done = startOn.plusDays(70 + r.nextInt(40));
        completeOn = done.isAfter(AS_OF) ? null : done;
      }
    }
    return new Plan(input, schemeOn, Math.round(households * Math.min(1, schemeShare)),
        Math.round(households * Math.min(1, pmShare)), consentOn, startOn, completeOn);
  }

  /** Funding by source adding up to the budget to the yuan (the residents' share takes the rest). */
  static List<ProjectInput.FundingInput> funding(double budget, boolean utilities,
      SplittableRandom r) {
    double central = Math.round(budget * (0.40 + r.nextDouble() * 0.1));
    double provincial = Math.round(budget * 0.10);
    double bonds = r.nextBoolean() ? Math.round(budget * 0.15) : 0;
    double credit = bonds == 0 ? Math.round(budget * 0.12) : 0;
    double utility = utilities ? Math.round(budget * 0.08) : 0;
    double social = r.nextDouble() < 0.3 ? Math.round(budget * 0.05) : 0;
    double residents = budget - central - provincial - bonds - credit - utility - social;
    List<ProjectInput.FundingInput> out = new ArrayList<>();
    out.add(new ProjectInput.FundingInput("central_subsidy", central));
    out.add(new ProjectInput.FundingInput("provincial_subsidy", provincial));
    if (bonds > 0) {
      out.add(new ProjectInput.FundingInput("special_bonds", bonds));
    }
    if (credit > 0) {
      out.add(new ProjectInput.FundingInput("bank_credit", credit));
    }
    if (utility > 0) {
      out.add(new ProjectInput.FundingInput("utility_companies", utility));
    }
    if (social > 0) {
      out.add(new ProjectInput.FundingInput("social_capital", social));
    }
    out.add(new ProjectInput.FundingInput("residents", residents));
    return out;
  }

  static String districtName(String code) {
    return switch (code) {
      case "weibin" -> "卫滨区";
      case "hongqi" -> "红旗区";
      case "muye" -> "牧野区";
      case "fengquan" -> "凤泉区";
      case "gaoxin" -> "高新区";
      case "huixian" -> "辉县市";
      case "weihui" -> "卫辉市";
      case "yuanyang" -> "原阳县";
      case "yanjin" -> "延津县";
      case "fengqiu" -> "封丘县";
      case "changyuan" -> "长垣市";
      default -> code;
    };
  }
}
