package org.jointworks.coordination.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jointworks.geo.Crs;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Layer;
import org.jointworks.layers.MetricLayer;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * The conflict list (decision 92: no global sort when ids ascend, the line-line fast path, the
 * ints gathered from the tree) is the brute-force list over every pair by JTS's DistanceOp, in
 * (a, b) order, whether the snapshot's positions follow the ids or not; and the line-line test
 * answers as DistanceOp does, at the buffer's very edge too.
 */
class ConflictEngineOrderTest {
  private static final GeometryFactory GF = new GeometryFactory();
  private static final ConflictRules RULES = new ConflictRules(5, 30, 3);

  @Test
  void theListIsTheBruteForceListInIdOrder() {
    Random r = new Random(3);
    List<Feature> features = new ArrayList<>();
    List<Geometry> metric = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      Geometry line = randomLine(r, 400);
      LocalDate start = LocalDate.of(2026, 1, 1).plusDays(r.nextInt(900));
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("utility", "u" + r.nextInt(5));
      p.put("owner", "o");
      p.put("kind", "water");
      p.put("status", i % 17 == 0 ? "cancelled" : "planned");
      p.put("start_date", start);
      p.put("end_date", start.plusDays(r.nextInt(60)));
      features.add(new Feature(i + 1, 1, Crs.transform(line, Crs.GK_114E, Crs.LONLAT), p));
      metric.add(line);
    }
    List<String> expected = bruteForce(features, metric);
    assertThat(expected.size()).isGreaterThan(300);

    MetricLayer ordered = MetricLayer.of(Layer.WORKS, 1, Crs.GK_114E, features, metric);
    assertThat(keys(ConflictEngine.of(ordered, 3).all(RULES))).isEqualTo(expected);

    List<Integer> shuffle = new ArrayList<>();
    for (int i = 0; i < features.size(); i++) {
      shuffle.add(i);
    }
    Collections.shuffle(shuffle, new Random(9));
    List<Feature> f2 = shuffle.stream().map(features::get).toList();
    List<Geometry> m2 = shuffle.stream().map(metric::get).toList();
    MetricLayer shuffled = MetricLayer.of(Layer.WORKS, 1, Crs.GK_114E, f2, m2);
    assertThat(keys(ConflictEngine.of(shuffled, 3).all(RULES))).isEqualTo(expected);
  }

  @Test
  void lineReachAnswersAsDistanceOp() {
    Random r = new Random(4);
    int near = 0;
    for (int n = 0; n < 50_000; n++) {
      Geometry a = randomLine(r, 60);
      Geometry b = randomLine(r, 60);
      double d = n % 5 == 0 ? DistanceOp.distance(a, b) : 5; // the very edge, one in five
      boolean expected = DistanceOp.isWithinDistance(a, b, d);
      assertThat(LineReach.within(a, b, d)).as("%s %s %s", a, b, d).isEqualTo(expected);
      near += expected ? 1 : 0;
    }
    assertThat(near).isGreaterThan(10_000);
  }

  private static Geometry randomLine(Random r, double extent) {
    int n = 2 + r.nextInt(5);
    Coordinate[] cs = new Coordinate[n];
    double x = 38_500_000 + r.nextDouble() * extent;
    double y = 3_800_000 + r.nextDouble() * extent;
    for (int k = 0; k < n; k++) {
      cs[k] = new Coordinate(x, y);
      x += r.nextGaussian() * 15;
      y += r.nextGaussian() * 15;
    }
    return GF.createLineString(cs);
  }

  private static List<String> bruteForce(List<Feature> features, List<Geometry> metric) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < features.size(); i++) {
      WorkRef a = ConflictEngine.refOf(features.get(i));
      for (int j = i + 1; j < features.size(); j++) {
        WorkRef b = ConflictEngine.refOf(features.get(j));
        if (a.cancelled() || b.cancelled()) {
          continue;
        }
        ConflictKind kind = ConflictKind.classify(a.startDate().toEpochDay(),
            a.endDate().toEpochDay(), a.endDate().plusYears(3).toEpochDay(),
            b.startDate().toEpochDay(), b.endDate().toEpochDay(),
            b.endDate().plusYears(3).toEpochDay(), RULES.gapDays());
        if (kind != null && DistanceOp.isWithinDistance(metric.get(i), metric.get(j), 5)) {
          out.add(a.id() + "-" + b.id() + " " + kind.code());
        }
      }
    }
    return out;
  }

  private static List<String> keys(List<WorkConflict> found) {
    return found.stream().map(c -> c.a().id() + "-" + c.b().id() + " " + c.kind()).toList();
  }
}
