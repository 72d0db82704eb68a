package org.jointworks.tiles.mvt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointworks.tiles.mvt.TileEncoderTest.square;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.jointworks.geo.Crs;
import org.jointworks.layers.Feature;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A snapshot updated with the written features answers every query exactly as a snapshot built
 * afresh from the same features, before and after its overlay is folded into the index.
 */
class MercatorLayerTest {
  @Test
  void changesAnswerLikeAFreshSnapshotThroughManyWritesAndCompactions() {
    Random random = new Random(20231);
    Map<Long, Feature> truth = new TreeMap<>();
    for (long id = 1; id <= 2_000; id++) {
      truth.put(id, randomSquare(random, id));
    }
    MercatorLayer layer = MercatorLayer.of("communities", 0, List.copyOf(truth.values()));
    long nextId = 2_001;
    for (int round = 1; round <= 40; round++) {
      List<Long> written = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        int what = random.nextInt(3);
        if (what == 0) {              // create
          written.add(nextId);
          truth.put(nextId, randomSquare(random, nextId++));
        } else {
          long id = 1 + random.nextInt((int) nextId - 1);
          written.add(id);
          if (what == 1) {           // replace (moved, resized), or delete
            truth.computeIfPresent(id, (k, v) -> randomSquare(random, k));
          } else {
            truth.remove(id);
          }
        }
      }
      List<Feature> current = new ArrayList<>();
      written.stream().distinct().filter(truth::containsKey).forEach(id -> current.add(truth.get(id)));
      layer = layer.withChanges(round, written, current);
      MercatorLayer fresh = MercatorLayer.of("communities", round, List.copyOf(truth.values()));
      assertThat(layer.revision()).isEqualTo(round);
      assertThat(layer.size()).isEqualTo(fresh.size());
      for (int q = 0; q < 20; q++) {
        Envelope box = randomBox(random);
        double minSize = q % 2 == 0 ? 0 : 50;
        assertThat(ids(layer.query(box, minSize))).isEqualTo(ids(fresh.query(box, minSize)));
        assertThat(ids(layer.query(box))).isEqualTo(ids(fresh.query(box)));
      }
    }
  }

  @Test
  void aReplacedFeatureCarriesItsNewAttributes() {
    MercatorLayer layer = MercatorLayer.of("communities", 0, List.of(square(1, 113.85, 35.30, 0.002)));
    Feature renamed = new Feature(1, 2, square(1, 113.85, 35.30, 0.002).geometry(),
        Map.of("name", "renamed"));
    layer = layer.withChanges(1, List.of(1L), List.of(renamed));
    Envelope all = new Envelope(-2e7, 2e7, -2e7, 2e7);
    assertThat(layer.query(all)).singleElement()
        .extracting(g -> ((Map<?, ?>) g.getUserData()).get("name")).isEqualTo("renamed");
  }

  private static Feature randomSquare(Random random, long id) {
    return square(id, 113.6 + random.nextDouble() * 0.4, 35.1 + random.nextDouble() * 0.4,
        0.0001 + random.nextDouble() * 0.003);
  }

  private static Envelope randomBox(Random random) {
    double[] a = Crs.transform(4490, 3857, 113.6 + random.nextDouble() * 0.4,
        35.1 + random.nextDouble() * 0.4);
    double size = 200 + random.nextDouble() * 8_000;
    return new Envelope(a[0], a[0] + size, a[1], a[1] + size);
  }

  private static List<Long> ids(List<Geometry> geometries) {
    return geometries.stream().map(g -> (Long) ((Map<?, ?>) g.getUserData()).get("id"))
        .sorted().toList();
  }
}
