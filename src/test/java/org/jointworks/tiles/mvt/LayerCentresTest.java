package org.jointworks.tiles.mvt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jointworks.geo.Crs;
import org.jointworks.layers.Feature;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class LayerCentresTest {
  @Test
  void aCentreIsTheWebMercatorImageOfTheEnvelopesCentreAsProj4jGivesItWithinAMillimetre() {
    LayerCentres c = LayerCentres.of("communities", 3, List.of(
        TileEncoderTest.square(7, 113.9, 35.3, 0.001), TileEncoderTest.square(8, -70.1, -33.4, 0.002)));
    List<double[]> seen = new ArrayList<>();
    c.query(new Envelope(-2e7, 2e7, -2e7, 2e7), (x, y, id) -> seen.add(new double[] {x, y, id}));
    double[] a = Crs.transform(Crs.LONLAT, Crs.WEB_MERCATOR, 113.9005, 35.3005);
    double[] b = Crs.transform(Crs.LONLAT, Crs.WEB_MERCATOR, -70.099, -33.399);
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0)[0]).isCloseTo(a[0], within(1e-3));
    assertThat(seen.get(0)[1]).isCloseTo(a[1], within(1e-3));
    assertThat(seen.get(0)[2]).isEqualTo(7);
    assertThat(seen.get(1)[0]).isCloseTo(b[0], within(1e-3));
    assertThat(seen.get(1)[1]).isCloseTo(b[1], within(1e-3));
    assertThat(c.revision()).isEqualTo(3);
  }

  @Test
  void writesReplaceAndDeleteTheirIdsOnly() {
    LayerCentres c = LayerCentres.of("communities", 1, List.of(
        TileEncoderTest.square(1, 113.90, 35.30, 0.001), TileEncoderTest.square(2, 113.91, 35.30, 0.001),
        TileEncoderTest.square(3, 113.92, 35.30, 0.001)));
    // 2 moved west, 3 deleted, 4 added; 1 untouched.
    LayerCentres after = c.withChanges(2, Set.of(2L, 3L, 4L), List.of(
        TileEncoderTest.square(2, 113.80, 35.30, 0.001), TileEncoderTest.square(4, 113.95, 35.30, 0.001)));
    assertThat(after.size()).isEqualTo(3);
    assertThat(c.size()).as("the old centres unchanged").isEqualTo(3);
    double[] west = Crs.transform(Crs.LONLAT, Crs.WEB_MERCATOR, 113.85, 35.0);
    List<Long> eastOf = new ArrayList<>();
    after.query(new Envelope(west[0], 2e7, 0, 2e7), (x, y, id) -> eastOf.add(id));
    assertThat(eastOf).containsExactly(1L, 4L);
    List<Long> all = new ArrayList<>();
    after.query(new Envelope(-2e7, 2e7, -2e7, 2e7), (x, y, id) -> all.add(id));
    assertThat(all).containsExactlyInAnyOrder(1L, 2L, 4L);
  }

  @Test
  void featuresWithoutGeometryOrBeyondWebMercatorAreLeftOut() {
    LayerCentres c = LayerCentres.of("communities", 1, List.of(
        new Feature(1, 1, null, java.util.Map.of()), TileEncoderTest.square(2, 10, 86, 0.1),
        TileEncoderTest.square(3, 113.9, 35.3, 0.001)));
    assertThat(c.size()).isEqualTo(1);
  }
}
