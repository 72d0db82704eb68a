package org.jointworks.sample;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jointworks.layers.Layer;

/**
 * Lays a district's pipelines: a main per street segment (crossing to crossing) and utility, each
 * utility at its own lateral offset from the centre line, and short service lines from the mains
 * under a community's street through its gate, 5 m into the plot.
 *
 * <p>Properties are drawn for every candidate pipe before the {@link Emission.Quota} decides
 * whether it is dropped or split, so a pipe that is kept looks the same whatever count was asked;
 * the property map is only built for pipes that are kept, since building maps for the dropped
 * ones took most of the time of a thinned benchmark city. Not thread-safe; one per district.
 */
final class PipelineEmitter {
  private final DistrictPlan plan;
  private final Projector at;
  private final Emission out;
  private final Rng rng;

  PipelineEmitter(DistrictPlan plan, Emission out, long seed) {
    this.plan = plan;
    this.at = plan.projector();
    this.out = out;
    this.rng = new Rng(seed, plan.index, DistrictPlan.STAGE_PIPES);
  }

  void mains(Emission.Quota quota) {
    StreetGrid g = plan.grid;
    for (int r = 0; r < g.ys.length; r++) {
      for (int c = 0; c < g.nx(); c++) {
        for (Utility u : Utility.ALL) {
          if (u.in(g.maskH[r])) {
            double y = g.ys[r] + u.offsetM(g.widthH[r]);
            emitMain(u, quota.next(), g.xs[c], y, g.xs[c + 1], y);
          }
        }
      }
    }
    for (int c = 0; c < g.xs.length; c++) {
      for (int r = 0; r < g.ny(); r++) {
        for (Utility u : Utility.ALL) {
          if (u.in(g.maskV[c])) {
            double x = g.xs[c] + u.offsetM(g.widthV[c]);
            emitMain(u, quota.next(), x, g.ys[r], x, g.ys[r + 1]);
          }
        }
      }
    }
  }

  /** The drawn attributes of one pipe, turned into properties only if the pipe is kept. */
  private record Pipe(Utility utility, String material, int diameterMm, String pressureClass,
      int yearBuilt, double depthStartM, double depthEndM) {
    Map<String, Object> properties() {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("utility", utility.code);
      p.put("owner", utility.code);
      p.put("material", material);
      p.put("diameter_mm", (double) diameterMm);
      if (pressureClass != null) {
        p.put("pressure_class", pressureClass);
      }
      p.put("depth_m", Math.round((depthStartM + depthEndM) * 50) / 100.0);
      p.put("depth_start_m", depthStartM);
      p.put("depth_end_m", depthEndM);
      // The sample city lays its cables in duct banks (电力排管, 通信管块), pipes in the ground.
      p.put("laying", utility == Utility.POWER || utility == Utility.TELECOM
          ? "duct" : "direct_buried");
      p.put("year_built", (long) yearBuilt);
      return p;
    }
  }

  /** Emits a main as {@code pieces} equal consecutive pieces (none when 0). */
  private void emitMain(Utility u, int pieces, double ax, double ay, double bx, double by) {
    Pipe pipe = main(u);
    if (pieces == 0) {
      return;
    }
    Map<String, Object> p = pipe.properties();
    for (int k = 0; k < pieces; k++) {
      double s = (double) k / pieces;
      double e = (double) (k + 1) / pieces;
      out.emit(Layer.PIPELINES, at.line(ax + s * (bx - ax), ay + s * (by - ay),
          ax + e * (bx - ax), ay + e * (by - ay)), p);
    }
  }

  private Pipe main(Utility u) {
    String pressure = null;
    String material = rng.pick(u.mainMaterials);
    if (u == Utility.GAS) {
      pressure = switch (rng.weighted(40, 45, 15)) {
        case 0 -> "low";
        case 1 -> "medium_b";
        default -> "medium_a";
      };
      if (pressure.equals("medium_a")) {
        material = "steel";
      }
    }
    return draw(u, material, u.mainDiametersMm[rng.between(0, u.mainDiametersMm.length - 1)],
        pressure, rng.between(1978, 2016));
  }

  void services(Emission.Quota quota) {
    StreetGrid g = plan.grid;
    BlockFill f = plan.fill;
    for (int i = 0; i < plan.communities(); i++) {
      int row = f.faceRow[i];
      double street = g.ys[row];
      double inside = f.facesSouth(i, g) ? f.y0[i] + 5 : f.y1[i] - 5;
      double mid = (f.x0[i] + f.x1[i]) / 2;
      double spacing = Math.min(3.5, (f.x1[i] - f.x0[i] - 4) / 6);
      for (Utility u : Utility.ALL) {
        if (!u.in(plan.serviceMask[i])) {
          continue;
        }
        Pipe pipe = draw(u, rng.pick(u.serviceMaterials),
            u.serviceDiametersMm[rng.between(0, u.serviceDiametersMm.length - 1)],
            u == Utility.GAS ? "low" : null, plan.table.buildYear[i] + rng.between(0, 3));
        if (quota.next() > 0) {
          double x = mid + (u.ordinal() - 2.5) * spacing;
          out.emit(Layer.PIPELINES, at.line(x, street + u.offsetM(g.widthH[row]), x, inside),
              pipe.properties());
        }
      }
    }
  }

  /**
   * Depths to the pipe's top at both ends: each end drawn within the utility's band, so a pipe
   * undulates a little; drainage (gravity) falls from start to end instead.
   */
  private Pipe draw(Utility u, String material, int diameterMm, String pressureClass,
      int yearBuilt) {
    double start = rng.uniform(u.depthMinM, u.depthMaxM, 0.05);
    double end = u == Utility.DRAINAGE
        ? Math.min(u.depthMaxM, start + rng.uniform(0.1, 0.4, 0.05))
        : rng.uniform(u.depthMinM, u.depthMaxM, 0.05);
    return new Pipe(u, material, diameterMm, pressureClass, yearBuilt,
        Math.round(start * 100) / 100.0, Math.round(end * 100) / 100.0);
  }
}
