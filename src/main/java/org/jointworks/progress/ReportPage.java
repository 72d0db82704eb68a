package org.jointworks.progress;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jointworks.layers.Feature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The one-page progress report a leader takes to a meeting: a map of the districts drawn as inline
 * SVG from their stored boundaries (no tiles, no web fonts, nothing fetched), shaded by the share
 * of households whose project has started, and the table of targets, plan and progress. Prints
 * on one A4 landscape page. Stateless.
 */
final class ReportPage {
  private static final double MAP_W = 520;
  private static final double MAP_H = 430;
  /** Light to dark green: share started 0, 0.25, 0.5, 0.75, 1. */
  private static final String[] RAMP = {"#f7fcf5", "#c7e9c0", "#74c476", "#31a354", "#006d2c"};

  private ReportPage() {}

  static String html(Summary s, List<Feature> districts, Map<String, Long> overdueByDistrict,
      Evaluation.Result evaluation, LocalDate asOf, String planFiling) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
        .append("<title>").append(s.programmeYear()).append("年城镇老旧小区改造进度 ")
        .append(asOf).append("</title><style>")
        .append("@page{size:A4 landscape;margin:10mm}body{font-family:sans-serif;font-size:10px;")
        .append("margin:0}h1{font-size:15px;margin:0 0 4px}.wrap{display:flex;gap:10px}")
        .append("table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 4px;")
        .append("text-align:right}th{background:#eee}td.l{text-align:left}")
        .append("tfoot td{font-weight:bold}.note{color:#555}</style></head><body>");
    h.append("<h1>").append(s.programmeYear()).append("年新乡市城镇老旧小区改造进度 / Renovation ")
        .append("programme progress, as of ").append(asOf).append("</h1>");
    h.append(String.format(Locale.ROOT, "<p>计划 Plan: %d 个小区, %,d 户, %d 栋, %.2f 万m²; "
        + "已开工 started %.1f%% · 已完工 completed %.1f%% of households.</p>",
        s.planned().communities(), s.planned().households(), s.planned().buildings(),
        s.planned().floorAreaM2() / 10_000, s.startedShare() * 100, s.completedShare() * 100));
    h.append("<div class=\"wrap\"><div>").append(map(s, districts)).append(legend())
        .append("</div><div>").append(table(s, overdueByDistrict, evaluation)).append("</div></div>");
    h.append("<p>").append(esc(planFiling)).append("</p>");
    h.append("<p class=\"note\">Targets: the plan (新百城提质办〔2023〕2号). Status as recorded by ")
        .append(asOf).append("; ranking: mid-year evaluation. 考核权重、月报到期日和得分为本市设定"
            + " (local setting): the plan asks for a weighted score (综合权重) but gives no"
            + " weights. 报送项中年度实施方案备案占 " + Math.round(evaluation.weights().planFiled() * 100)
            + "% (local setting: the 02-25 filing within reporting).</p>")
        .append("</body></html>");
    return h.toString();
  }

  private static String map(Summary s, List<Feature> districts) {
    Envelope env = new Envelope();
    for (Feature f : districts) {
      if (f.geometry() != null) {
        env.expandToInclude(f.geometry().getEnvelopeInternal());
      }
    }
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\""
        + " height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"districts map\">",
        MAP_W, MAP_H, MAP_W, MAP_H));
    if (env.isNull()) {
      svg.append("<text x=\"10\" y=\"20\">No district boundaries are stored.</text></svg>");
      return svg.toString();
    }
    // Equirectangular with the mean latitude's cosine: at city scale the distortion is far below
    // what a printed page shows, and it needs no projection library in the page.
    double kx = Math.cos(Math.toRadians(env.centre().y));
    double scale = Math.min((MAP_W - 20) / (env.getWidth() * kx), (MAP_H - 20) / env.getHeight());
    for (Feature f : districts) {
      if (f.geometry() == null) {
        continue;
      }
      double share = s.districts().stream().filter(d -> d.code().equals(f.text("code")))
          .mapToDouble(Summary.District::startedShare).findFirst().orElse(0);
      svg.append("<path fill=\"").append(RAMP[(int) Math.min(4, Math.floor(share * 4 + 1e-9))])
          .append("\" stroke=\"#333\" stroke-width=\"0.8\" fill-rule=\"evenodd\" d=\"");
      Geometry g = f.geometry();
      for (int i = 0; i < g.getNumGeometries(); i++) {
        if (g.getGeometryN(i) instanceof Polygon p) {
          ring(svg, p.getExteriorRing().getCoordinates(), env, kx, scale);
          for (int r = 0; r < p.getNumInteriorRing(); r++) {
            ring(svg, p.getInteriorRingN(r).getCoordinates(), env, kx, scale);
          }
        }
      }
      svg.append("\"><title>").append(esc(f.text("name"))).append("</title></path>");
      Coordinate c = g.getInteriorPoint().getCoordinate();
      // A circle by planned households keeps small districts visible at city scale.
      long households = s.districts().stream().filter(d -> d.code().equals(f.text("code")))
          .mapToLong(d -> d.planned().households()).findFirst().orElse(0);
      svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\""
          + " fill-opacity=\"0.85\" stroke=\"#333\" stroke-width=\"0.6\"/>",
          x(c.x, env, kx, scale), y(c.y, env, scale), 3 + Math.sqrt(households) / 4,
          RAMP[(int) Math.min(4, Math.floor(share * 4 + 1e-9))]));
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" dy=\"-8\" font-size=\"9\""
          + " text-anchor=\"middle\">%s</text>", x(c.x, env, kx, scale), y(c.y, env, scale),
          esc(f.text("name"))));
    }
    return svg.append("</svg>").toString();
  }

  private static void ring(StringBuilder d, Coordinate[] cs, Envelope env, double kx,
      double scale) {
    for (int i = 0; i < cs.length; i++) {
      d.append(i == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f",
          x(cs[i].x, env, kx, scale), y(cs[i].y, env, scale)));
    }
    d.append('Z');
  }

  private static double x(double lon, Envelope env, double kx, double scale) {
    return 10 + (lon - env.getMinX()) * kx * scale;
  }

  private static double y(double lat, Envelope env, double scale) {
    return 10 + (env.getMaxY() - lat) * scale;
  }

  private static String legend() {
    StringBuilder l = new StringBuilder("<div>Circles: planned households. Households started: ");
    String[] labels = {"<25%", "25–50%", "50–75%", "75–100%", "100%"};
    for (int i = 0; i < RAMP.length; i++) {
      l.append("<span style=\"background:").append(RAMP[i])
          .append(";border:1px solid #999;padding:0 6px;margin-right:3px\">")
          .append(labels[i]).append("</span>");
    }
    return l.append("</div>").toString();
  }

  private static String table(Summary s, Map<String, Long> overdue, Evaluation.Result e) {
    StringBuilder t = new StringBuilder("<table><thead><tr><th>县市区</th><th>目标小区</th>"
        + "<th>目标户数</th><th>目标栋数</th><th>目标面积 万m²</th><th>计划小区</th><th>计划户数</th>"
        + "<th>已开工</th><th>已完工</th><th>开工户数%</th><th>逾期项目</th><th>年中排名</th>"
        + "</tr></thead><tbody>");
    for (Summary.District d : s.districts()) {
      long started = 0;
      for (var en : d.byStatus().entrySet()) {
        if (List.of("started", "completed", "accepted", "handed_over").contains(en.getKey())) {
          started += en.getValue().communities();
        }
      }
      long completed = d.byStatus().get("completed").communities()
          + d.byStatus().get("accepted").communities()
          + d.byStatus().get("handed_over").communities();
      String rank = e.counties().stream().filter(c -> c.district().equals(d.code()))
          .map(c -> c.rank() + " (" + c.score() + ")").findFirst().orElse("–");
      t.append(String.format(Locale.ROOT, "<tr><td class=\"l\">%s</td><td>%d</td><td>%,d</td>"
          + "<td>%d</td><td>%.2f</td><td>%d</td><td>%,d</td><td>%d</td><td>%d</td><td>%.1f</td>"
          + "<td>%d</td><td>%s</td></tr>", esc(d.name()), d.target().communities(),
          d.target().households(), d.target().buildings(), d.target().floorAreaM2() / 10_000,
          d.planned().communities(), d.planned().households(), started, completed,
          d.startedShare() * 100, overdue.getOrDefault(d.code(), 0L), rank));
    }
    Figures tg = s.target();
    t.append(String.format(Locale.ROOT, "</tbody><tfoot><tr><td class=\"l\">合计</td><td>%d</td>"
        + "<td>%,d</td><td>%d</td><td>%.2f</td><td>%d</td><td>%,d</td><td colspan=\"2\"></td>"
        + "<td>%.1f</td><td>%d</td><td></td></tr></tfoot></table>", tg.communities(),
        tg.households(), tg.buildings(), tg.floorAreaM2() / 10_000, s.planned().communities(),
        s.planned().households(), s.startedShare() * 100,
        overdue.values().stream().mapToLong(Long::longValue).sum()));
    return t.toString();
  }

  static String esc(String v) {
    return v == null ? "" : v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
