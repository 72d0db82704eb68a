package org.jointworks.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jointworks.geo.Crs;
import org.jointworks.geo.Geometries;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * A layer prepared from a hand-over before its commit (decision 97) is handed out only for that
 * very hand-over, once, with the same contents a snapshot would build; never for another
 * hand-over with equal features, an addition to a layer, or after its transaction rolled back.
 */
class PreparedLayersTest {
  private static final int EPSG = Crs.GK_114E;

  @Test
  void aPreparedLayerIsTakenOnlyForItsOwnHandOverAndOnce() {
    PreparedLayers prepared = new PreparedLayers(EPSG);
    AtomicReference<MetricLayer> told = new AtomicReference<>();
    List<String> order = new ArrayList<>();
    prepared.add(Layer.COMMUNITIES, provisional -> {
      told.set(provisional);
      order.add("registered");
      return () -> order.add("ran");
    });
    List<Feature> features = features(3);
    HandOver handOver = new HandOver(features, 7);
    prepared.handing(Layer.COMMUNITIES, handOver);

    assertThat(prepared.take(Layer.COMMUNITIES, new HandOver(features, 7))).isNull();
    MetricLayer layer = prepared.take(Layer.COMMUNITIES, handOver);
    assertThat(layer).isNotNull().isSameAs(told.get());
    assertThat(layer.features()).isEqualTo(features);
    MetricLayer built = MetricLayers.build(Layer.COMMUNITIES, 8, EPSG, features);
    for (int i = 0; i < features.size(); i++) {
      assertThat(layer.metric().get(i).equalsExact(built.metric().get(i))).isTrue();
    }
    assertThat(layer.at(8).revision()).isEqualTo(8);
    assertThat(layer.at(8).index()).isSameAs(layer.index());
    assertThat(prepared.take(Layer.COMMUNITIES, handOver)).isNull();
    awaitRan(order);
    assertThat(order).containsExactly("registered", "ran");
  }

  @Test
  void nothingIsPreparedForAnAdditionOrKeptAfterARollback() {
    PreparedLayers prepared = new PreparedLayers(EPSG);
    HandOver added = new HandOver(features(2), -1);
    prepared.handing(Layer.COMMUNITIES, added);
    assertThat(prepared.take(Layer.COMMUNITIES, added)).isNull();

    HandOver rolledBack = new HandOver(features(2), 3);
    prepared.handing(Layer.COMMUNITIES, rolledBack);
    prepared.dropped(Layer.COMMUNITIES, rolledBack);
    assertThat(prepared.take(Layer.COMMUNITIES, rolledBack)).isNull();
  }

  private static void awaitRan(List<String> order) {
    for (int i = 0; i < 500 && order.size() < 2; i++) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static List<Feature> features(int n) {
    List<Feature> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double x = 113.9 + i * 0.002;
      out.add(new Feature(i + 1, 1, Geometries.LONLAT.createPolygon(new Coordinate[] {
          new Coordinate(x, 35.3), new Coordinate(x + 0.001, 35.3),
          new Coordinate(x + 0.001, 35.301), new Coordinate(x, 35.301),
          new Coordinate(x, 35.3)}), Map.of("name", "c" + i)));
    }
    return out;
  }
}
