package org.jointworks.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jointworks.coordination.engine.ClearanceEngine;
import org.jointworks.coordination.engine.ClearanceViolation;
import org.jointworks.geo.Crs;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Layer;
import org.jointworks.layers.MetricLayer;
import org.jointworks.sample.SampleCity;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/**
 * The sample city's pipelines against the shipped clearance table: a small set of real
 * violations, not the thousands of crossings the old depths put within the minimum (regression
 * of issue 13's "clearance noise": 2,416 vertical violations with every pipe at a random depth).
 * Runs the engine directly over the generated city, no store (about 10 s on 2 cores).
 */
class SampleCityClearancesTest {

  @Test
  void theSampleCityShowsFewCrossingViolationsAndEachIsARealClash() {
    List<Feature> features = new ArrayList<>();
    List<Geometry> metric = new ArrayList<>();
    long id = 1;
    for (Feature f : SampleCity.plan().pipelines()) {
      features.add(f.withIdentity(id++, 1));
      metric.add(Crs.transform(f.geometry(), Crs.LONLAT, Crs.GK_114E));
    }
    MetricLayer layer = MetricLayer.of(Layer.PIPELINES, 1, Crs.GK_114E, features, metric);
    ClearanceEngine engine = new ClearanceEngine(layer,
        ClearanceService.load(null, "horizontal"), ClearanceService.load(null, "vertical"));

    List<ClearanceViolation> vertical = engine.violations(i -> true).stream()
        .filter(v -> v.kind().equals("vertical")).toList();

    assertThat(vertical).hasSizeBetween(5, 60);
    for (ClearanceViolation v : vertical) {
      assertThat(v.placeholder()).as("a sourced value, not a placeholder").isFalse();
      assertThat(v.source()).contains("GB 50289-98");
      assertThat(v.actualMeters()).isLessThan(v.requiredMeters());
    }
  }
}
