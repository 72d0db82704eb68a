package org.jointworks.coordination.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.jointworks.geo.Geometries;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class PlanSchedulerTest {
  private static final PlanSettings SETTINGS = new PlanSettings(5, 10,
      LocalDate.parse("2023-03-31"), LocalDate.parse("2023-10-31"), 30, 20);

  private static PlanScheduler.PlanWork work(long id, String utility, String wkt, String start,
      String end) throws Exception {
    Geometry g = new WKTReader(Geometries.METRIC).read(wkt);
    return new PlanScheduler.PlanWork(new WorkRef(id, utility, utility, "replace", "approved",
        LocalDate.parse(start), LocalDate.parse(end)), g, g);
  }

  @Test
  void worksAlongOneStretchShareATrenchLedByTheDeepest() throws Exception {
    var telecom = work(1, "telecom", "LINESTRING (0 0, 100 0)", "2023-03-01", "2023-03-20");
    var drainage = work(2, "drainage", "LINESTRING (10 2, 90 2)", "2023-03-01", "2023-03-31");
    var gas = work(3, "gas", "LINESTRING (0 -2, 60 -2)", "2023-03-05", "2023-05-31");
    var elsewhere = work(4, "power", "LINESTRING (0 500, 100 500)", "2023-04-01", "2023-04-10");
    ConstructionPlan plan = PlanScheduler.plan(List.of(telecom, drainage, gas, elsewhere), SETTINGS);

    assertThat(plan.excavationsUncoordinated()).isEqualTo(4);
    assertThat(plan.excavationsCoordinated()).isEqualTo(2);
    assertThat(plan.digsAvoided()).isEqualTo(2);
    var trench = plan.excavations().get(0);
    assertThat(trench.lead().id()).isEqualTo(2);
    assertThat(trench.partners()).extracting(WorkRef::id).containsExactly(1L, 3L);
    assertThat(trench.phases()).extracting(t -> t.utilities().get(0))
        .containsExactly("drainage", "gas", "telecom");
    // drainage 03-01..03-31, gas next (88 days) 04-01..06-27, telecom after: too late for both
    assertThat(trench.phases().get(1).start()).isEqualTo(LocalDate.parse("2023-04-01"));
    assertThat(plan.unmet()).extracting(ConstructionPlan.Unmet::subject)
        .contains("work 3", "work 1");
    // surface after the last excavation
    var roads = plan.surface().get(0);
    assertThat(roads.start()).isAfter(trench.end());
    assertThat(roads.dependsOn()).contains(trench.phases().get(2).id());
  }

  @Test
  void touchingEndToEndIsNotASharedStretch() throws Exception {
    var a = work(1, "water_supply", "LINESTRING (0 0, 100 0)", "2023-03-01", "2023-03-20");
    var b = work(2, "gas", "LINESTRING (100 0, 200 0)", "2023-03-01", "2023-03-20");
    assertThat(PlanScheduler.plan(List.of(a, b), SETTINGS).excavationsCoordinated()).isEqualTo(2);
  }
}
