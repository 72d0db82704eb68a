package org.jointworks.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jointworks.layers.Layer;
import org.locationtech.jts.geom.Geometry;

/**
 * Turns a {@link DistrictPlan} into its planning features: the district boundary, the streets,
 * the communities and their facilities. Names are Chinese in style and carry 示例 (sample) so
 * nobody mistakes them for real places. Stateless apart from the run it writes to.
 */
final class DistrictEmitter {
  private static final List<String> WORDS = List.of("建设", "和平", "胜利", "人民", "平原", "向阳",
      "红旗", "新华", "东方", "幸福", "团结", "文化", "健康", "劳动", "友谊", "光明", "朝阳", "解放",
      "工农", "育才", "纺织厂", "化肥厂", "机械厂", "粮食局", "供销社", "电业局", "棉纺厂", "铁路");
  private static final List<String> SUFFIXES = List.of("小区", "小区", "家属院", "家属院", "新村",
      "花园", "北院", "南院");

  /** The facility kinds the "missing facility" checks look for, with a label and a weight. */
  enum FacilityKind {
    COMMUNITY_SERVICE("community_service", "社区服务站", 22),
    FITNESS("fitness", "健身广场", 18),
    ELDERLY_CARE("elderly_care", "养老服务站", 16),
    CANTEEN("canteen", "老年助餐点", 14),
    CLINIC("clinic", "卫生服务站", 12),
    KINDERGARTEN("kindergarten", "幼儿园", 10),
    CHILDCARE("childcare", "托育点", 8);

    final String code;
    final String label;
    final int weight;

    FacilityKind(String code, String label, int weight) {
      this.code = code;
      this.label = label;
      this.weight = weight;
    }
  }

  private final DistrictPlan plan;
  private final Projector at;
  private final Emission out;
  private final long seed;

  DistrictEmitter(DistrictPlan plan, Emission out, long seed) {
    this.plan = plan;
    this.at = plan.projector();
    this.out = out;
    this.seed = seed;
  }

  /** The real county outline when given (decision 82), otherwise the generated rectangle. */
  void boundary(Geometry outline) {
    double[] e = plan.localExtent();
    Geometry g = outline != null ? outline : at.rectangle(e[0], e[1], e[2], e[3]);
    out.emit(Layer.DISTRICTS, g, plan.target.properties());
  }

  void streets() {
    StreetGrid g = plan.grid;
    String prefix = plan.target.shortName();
    for (int r = 0; r < g.ys.length; r++) {
      out.emit(Layer.STREETS, at.line(g.xs[0], g.ys[r], g.xs[g.nx()], g.ys[r]),
          street(prefix + "示例路" + (r + 1), g.widthH[r]));
    }
    for (int c = 0; c < g.xs.length; c++) {
      out.emit(Layer.STREETS, at.line(g.xs[c], g.ys[0], g.xs[c], g.ys[g.ny()]),
          street(prefix + "示例街" + (c + 1), g.widthV[c]));
    }
  }

  private static Map<String, Object> street(String name, double widthM) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", name);
    p.put("width_m", widthM);
    return p;
  }

  /** The communities, each followed by its facilities (none for about half of them). */
  void communitiesAndFacilities() {
    Rng names = new Rng(seed, plan.index, DistrictPlan.STAGE_NAMES);
    Rng facilities = new Rng(seed, plan.index, DistrictPlan.STAGE_FACILITIES);
    CommunityTable t = plan.table;
    BlockFill f = plan.fill;
    FacilityKind[] kinds = FacilityKind.values();
    int[] weights = new int[kinds.length];
    for (int k = 0; k < kinds.length; k++) {
      weights[k] = kinds[k].weight;
    }
    for (int i = 0; i < t.size(); i++) {
      String name = String.format(Locale.ROOT, "%s示例%s%s%02d", plan.target.name(),
          names.pick(WORDS), names.pick(SUFFIXES), i + 1);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("name", name);
      p.put("district", plan.target.code());
      p.put("households", t.households[i]);
      p.put("buildings", t.buildings[i]);
      p.put("floor_area_m2", (double) t.floorAreaM2[i]);
      p.put("build_year", (long) t.buildYear[i]);
      out.emit(Layer.COMMUNITIES, at.rectangle(f.x0[i], f.y0[i], f.x1[i], f.y1[i]), p);

      int count = facilities.weighted(55, 35, 10);
      int first = -1;
      for (int k = 0; k < count; k++) {
        int kind = facilities.weighted(weights);
        if (kind == first) {
          continue;
        }
        first = kind;
        double x = f.x0[i] + facilities.uniform(0.2, 0.8) * (f.x1[i] - f.x0[i]);
        double y = f.y0[i] + facilities.uniform(0.2, 0.8) * (f.y1[i] - f.y0[i]);
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("kind", kinds[kind].code);
        q.put("name", name + kinds[kind].label);
        out.emit(Layer.FACILITIES, at.point(x, y), q);
      }
    }
  }
}
