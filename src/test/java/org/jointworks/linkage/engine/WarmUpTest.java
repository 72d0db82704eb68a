package org.jointworks.linkage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jointworks.geo.Crs;
import org.jointworks.geo.PackedXY;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Layer;
import org.jointworks.layers.MetricLayer;
import org.jointworks.layers.MetricLayers;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.CoordinateArraySequence;

/**
 * The adjacency warm-up's city is built as a snapshot is (decision 117): lon/lat communities of
 * both sequence kinds a snapshot holds, through the metric transform, back where they were drawn.
 */
class WarmUpTest {
  @Test
  void theCityIsLonLatCommunitiesOfBothSequenceKindsThatTransformBackToItsBlocks() {
    List<Geometry> blocks = WarmUp.city(12, new SplittableRandom(97));
    List<Feature> features = WarmUp.features(blocks);
    assertThat(features).hasSize(144);
    List<Class<?>> kinds = new ArrayList<>();
    for (Feature f : features) {
      Polygon p = (Polygon) f.geometry();
      assertThat(p.isValid()).isTrue();
      assertThat(p.getEnvelopeInternal().getMinX()).isBetween(113.0, 115.0); // lon/lat
      kinds.add(p.getExteriorRing().getCoordinateSequence().getClass());
    }
    assertThat(kinds).contains(PackedXY.class, CoordinateArraySequence.class);
    MetricLayer layer = MetricLayers.build(Layer.COMMUNITIES, -1, Crs.GK_114E, features);
    for (int i = 0; i < blocks.size(); i++) {
      // The round trip through lon/lat moves no corner by more than a millimetre.
      assertThat(layer.metric().get(i).getArea()).isCloseTo(blocks.get(i).getArea(),
          org.assertj.core.data.Offset.offset(0.05));
      assertThat(layer.metric().get(i).getCentroid().distance(blocks.get(i).getCentroid()))
          .isLessThan(1e-3);
    }
    // The engine finds the shared walls and the narrow streets of the made-up city.
    AdjacencyEngine engine = AdjacencyEngine.of(layer);
    assertThat(engine.pairs(0)).isNotEmpty();
    assertThat(engine.pairs(30).size()).isGreaterThan(engine.pairs(0).size());
  }
}
