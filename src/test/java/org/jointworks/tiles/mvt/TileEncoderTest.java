package org.jointworks.tiles.mvt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jointworks.geo.Crs;
import org.jointworks.geo.Geometries;
import org.jointworks.layers.Feature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/** Tile maths and tile building, without Spring. */
class TileEncoderTest {
  private static final GeometryFactory F = Geometries.LONLAT;

  @ParameterizedTest
  @CsvSource({
      "0, 0, 0, -20037508.342789244, 20037508.342789244",
      "1, 1, 0, 0, 20037508.342789244",
      "1, 0, 1, -20037508.342789244, 0",
      "14, 13376, 6512, 12679985.748, 4109254.641"})
  void tileEnvelopesFollowWebMercatorQuad(int z, int x, int y, double minX, double maxY) {
    Envelope e = new TileCoord(z, x, y).envelope3857();
    assertThat(e.getMinX()).isCloseTo(minX, within(0.01));
    assertThat(e.getMaxY()).isCloseTo(maxY, within(0.01));
  }

  @Test
  void xinxiangLiesInTheTileThatContainsIt() {
    double[] m = Crs.transform(4490, 3857, 113.85, 35.30);
    TileCoord t = TileCoord.containing(14, m[0], m[1]);
    assertThat(t.envelope3857().contains(m[0], m[1])).isTrue();
    assertThat(t).isEqualTo(new TileCoord(14, 13373, 6472));
  }

  @Test
  void refusesTilesOutsideTheMatrix() {
    assertThatThrownBy(() -> new TileCoord(2, 4, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TileCoord(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void keepsVisibleFeaturesWithAttributesAndDropsSubPixelOnes() throws IOException {
    List<Feature> fs = new ArrayList<>();
    fs.add(square(1, 113.85, 35.30, 0.002));     // about 200 m
    fs.add(square(2, 113.86, 35.30, 0.00001));   // about 1 m: under a pixel at z14
    MercatorLayer layer = MercatorLayer.of("communities", 1, fs);
    double[] m = Crs.transform(4490, 3857, 113.851, 35.301);
    TileCoord z14 = TileCoord.containing(14, m[0], m[1]);
    JtsMvt tile = decode(TileEncoder.encode(z14,
        List.of(new TileEncoder.LayerInput(layer, 10, true))));
    var geoms = tile.getLayer("communities").getGeometries();
    assertThat(geoms).hasSize(1);
    Map<?, ?> tags = (Map<?, ?>) geoms.iterator().next().getUserData();
    assertThat(tags.get("name")).isEqualTo("C1");
    assertThat(TileEncoder.encode(z14, List.of(new TileEncoder.LayerInput(layer, 15, true))))
        .as("below the layer's min zoom").isEmpty();
    JtsMvt bare = decode(TileEncoder.encode(z14,
        List.of(new TileEncoder.LayerInput(layer, 10, false))));
    Map<String, Object> none = (Map<String, Object>) bare.getLayer("communities").getGeometries().iterator().next()
        .getUserData();
    assertThat(none).doesNotContainKey("name");
  }

  @Test
  @SuppressWarnings("unchecked")
  void subPixelCommunitiesBecomeDotsSoTheCityShowsWholeAtLowZoom() throws IOException {
    List<Feature> fs = new ArrayList<>();
    long id = 1;
    for (int i = 0; i < 100; i++) {
      for (int j = 0; j < 100; j++) {
        fs.add(square(id++, 113.7 + i * 0.002, 35.2 + j * 0.002, 0.001)); // ~100 m, 20 km city
      }
    }
    MercatorLayer layer = MercatorLayer.of("communities", 1, fs);
    double[] m = Crs.transform(4490, 3857, 113.8, 35.3);
    TileCoord z8 = TileCoord.containing(8, m[0], m[1]);
    var dropped = TileEncoder.encode(z8, List.of(new TileEncoder.LayerInput(layer, 0, true)));
    assertThat(dropped.length < 100 || decode(dropped).getLayer("communities") == null
        || decode(dropped).getLayer("communities").getGeometries().isEmpty())
        .as("without dots every sub-pixel community is dropped").isTrue();
    JtsMvt tile = decode(TileEncoder.encode(z8, List.of(
        new TileEncoder.LayerInput(layer, 0, true, null, true, 0))));
    var dots = tile.getLayer("communities").getGeometries();
    // 20 km at z8 is about 40 px: below z10 one dot per occupied 8-px cell (decision 95), a few
    // dozen, never 10,000.
    assertThat(dots).hasSizeBetween(9, 64);
    long total = 0;
    for (var g : dots) {
      assertThat(g).isInstanceOf(Point.class);
      Map<String, Object> tags = (Map<String, Object>) g.getUserData();
      assertThat(tags).containsKeys("id", "dot").doesNotContainKey("name");
      total += ((Number) tags.get("dot")).longValue();
    }
    assertThat(total).as("every community counted in exactly one dot").isEqualTo(10_000);
  }

  @Test
  @SuppressWarnings("unchecked")
  void pipelinesStayLinesAtTheOpeningZoomAndShortPipesBecomeDotsInTheirUtilitysName()
      throws IOException {
    List<Feature> fs = new ArrayList<>();
    // A 10 km main (about 20 px at z9) and 300 service pipes of 40 m (a tenth of a pixel).
    fs.add(pipe(1, 113.80, 35.30, 0.11, "water"));
    for (int i = 0; i < 300; i++) {
      fs.add(pipe(2 + i, 113.80 + (i % 30) * 0.003, 35.31 + (i / 30) * 0.003, 0.0004, "gas"));
    }
    MercatorLayer layer = MercatorLayer.of("pipelines", 1, fs);
    double[] m = Crs.transform(4490, 3857, 113.85, 35.31);
    TileCoord z9 = TileCoord.containing(9, m[0], m[1]);
    // As tiles/TileSets gives pipelines: dots, no clusters, no overview (overviewBelow 0).
    JtsMvt tile = decode(TileEncoder.encode(z9, List.of(
        new TileEncoder.LayerInput(layer, 0, true, null, true, 0, null, 0))));
    var geoms = tile.getLayer("pipelines").getGeometries();
    long lines = geoms.stream().filter(g -> g instanceof LineString).count();
    assertThat(lines).as("the main stays a line, not an overview dot").isEqualTo(1);
    long pipes = 0;
    for (var g : geoms) {
      if (g instanceof Point) {
        Map<String, Object> tags = (Map<String, Object>) g.getUserData();
        assertThat(tags).containsEntry("utility", "gas");
        pipes += ((Number) tags.get("dot")).longValue();
      }
    }
    assertThat(pipes).as("every short pipe counted in a dot, none dropped").isEqualTo(300);
    assertThatThrownBy(() -> new TileEncoder.LayerInput(layer, 0, true, null, false, 0, null, 9))
        .as("an overview needs a dots layer").isInstanceOf(IllegalArgumentException.class);
  }

  static Feature pipe(long id, double lon, double lat, double length, String utility) {
    LineString line = F.createLineString(new Coordinate[] {new Coordinate(lon, lat),
        new Coordinate(lon + length, lat)});
    return new Feature(id, 1, line, Map.of("utility", utility, "material", "PE"));
  }

  @Test
  void theOverviewFromTheCentresAloneIsTheOverviewFromTheDetailedSnapshot() throws IOException {
    List<Feature> fs = new ArrayList<>();
    long id = 1;
    for (int i = 0; i < 60; i++) {
      for (int j = 0; j < 60; j++) {
        fs.add(square(id++, 113.7 + i * 0.003, 35.2 + j * 0.003, 0.001 + (i % 7) * 0.002));
      }
    }
    MercatorLayer layer = MercatorLayer.of("communities", 1, fs);
    LayerCentres centres = LayerCentres.of("communities", 1, fs);
    for (int z = 6; z < TileEncoder.OVERVIEW_BELOW; z++) {
      double[] m = Crs.transform(4490, 3857, 113.8, 35.3);
      TileCoord t = TileCoord.containing(z, m[0], m[1]);
      byte[] detailed = TileEncoder.encode(t, List.of(
          new TileEncoder.LayerInput(layer, 0, true, null, true, 0)));
      byte[] overview = TileEncoder.encode(t, List.of(
          new TileEncoder.LayerInput(null, 0, true, null, true, 0, centres)));
      // The same cells with the same counts (which community stands for a cell, and so where in
      // it the dot is, depends on the order each source meets them).
      assertThat(counts(overview)).as("z%d", z).isEqualTo(counts(detailed));
      // Every community counted, the large ones too (no outlines in an overview).
      assertThat(counts(overview).stream().mapToLong(Long::longValue).sum()).isEqualTo(3_600);
    }
    // From zoom 10 on the detailed snapshot again: the largest communities are outlines.
    double[] m = Crs.transform(4490, 3857, 113.8, 35.3);
    var z10 = decode(TileEncoder.encode(TileCoord.containing(10, m[0], m[1]), List.of(
        new TileEncoder.LayerInput(layer, 0, true, null, true, 0))));
    assertThat(z10.getLayer("communities").getGeometries()).anyMatch(g -> !(g instanceof Point));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aClusterCountsItsWorksPerOwnerWhereTheOwnerIsAField() throws IOException {
    List<Feature> fs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      fs.add(new Feature(i + 1, 1, F.createLineString(new Coordinate[] {
          new Coordinate(113.85 + i * 0.0001, 35.30), new Coordinate(113.851 + i * 0.0001, 35.30)}),
          Map.of("owner", i < 2 ? "gas" : "power")));
    }
    MercatorLayer layer = MercatorLayer.of("works", 1, fs);
    double[] m = Crs.transform(4490, 3857, 113.85, 35.30);
    TileCoord z10 = TileCoord.containing(10, m[0], m[1]);
    for (java.util.Set<String> fields : List.of(java.util.Set.of("owner"),
        java.util.Set.of("utility"))) {
      var marks = decode(TileEncoder.encode(z10, List.of(new TileEncoder.LayerInput(layer, 0,
          true, fields, false, 14)))).getLayer("works").getGeometries();
      assertThat(marks).hasSize(1);
      Map<String, Object> tags = (Map<String, Object>) marks.iterator().next().getUserData();
      if (fields.contains("owner")) {
        assertThat(tags).containsEntry("count", 5L).containsEntry("owner_gas", 2L)
            .containsEntry("owner_power", 3L);
      } else {
        assertThat(tags).containsEntry("count", 5L).doesNotContainKeys("owner_gas", "owner_power");
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void worksAreCountedIntoClustersBelowTheirClusterZoomWithOnlyTheGivenFields()
      throws IOException {
    List<Feature> fs = new ArrayList<>();
    for (int i = 0; i < 30; i++) { // 30 works within 300 m: one cluster at z10
      fs.add(new Feature(i + 1, 1, F.createLineString(new Coordinate[] {
          new Coordinate(113.85 + i * 0.0001, 35.30), new Coordinate(113.851 + i * 0.0001, 35.30)}),
          Map.of("utility", "gas", "contact", "0373-1", "secret", "x")));
    }
    fs.add(new Feature(99, 1, F.createLineString(new Coordinate[] {
        new Coordinate(113.65, 35.30), new Coordinate(113.651, 35.30)}), // 20 km west
        Map.of("utility", "power", "secret", "y")));
    MercatorLayer layer = MercatorLayer.of("works", 1, fs);
    double[] m = Crs.transform(4490, 3857, 113.85, 35.30);
    TileCoord z10 = TileCoord.containing(10, m[0], m[1]);
    JtsMvt tile = decode(TileEncoder.encode(z10, List.of(new TileEncoder.LayerInput(layer, 0, true,
        java.util.Set.of("utility", "contact"), false, 14))));
    var marks = tile.getLayer("works").getGeometries();
    assertThat(marks).hasSize(2).allMatch(g -> g instanceof Point);
    Map<Long, Map<String, Object>> byCount = new java.util.HashMap<>();
    marks.forEach(g -> {
      Map<String, Object> tags = (Map<String, Object>) g.getUserData();
      byCount.put(((Number) tags.get("count")).longValue(), tags);
    });
    assertThat(byCount.get(30L)).containsEntry("cluster", 1L).doesNotContainKey("id");
    assertThat(byCount.get(1L)).containsEntry("utility", "power").containsKey("id")
        .doesNotContainKey("secret");
    TileCoord z15 = TileCoord.containing(15, Crs.transform(4490, 3857, 113.8505, 35.30)[0],
        Crs.transform(4490, 3857, 113.8505, 35.30)[1]);
    var lines = decode(TileEncoder.encode(z15, List.of(new TileEncoder.LayerInput(layer, 0, true,
        null, false, 14)))).getLayer("works").getGeometries();
    assertThat(lines).isNotEmpty().allMatch(g -> g instanceof LineString);
  }

  @Test
  void aDenseLayerStaysUnderTheSizeLimit() {
    List<Feature> fs = new ArrayList<>();
    long id = 1;
    for (int i = 0; i < 300; i++) {
      for (int j = 0; j < 300; j++) {
        fs.add(square(id++, 113.7 + i * 0.001, 35.2 + j * 0.001, 0.0008));
      }
    }
    MercatorLayer layer = MercatorLayer.of("communities", 1, fs);
    double[] m = Crs.transform(4490, 3857, 113.85, 35.35);
    for (int z : new int[] {10, 12, 14}) {
      byte[] tile = TileEncoder.encode(TileCoord.containing(z, m[0], m[1]),
          List.of(new TileEncoder.LayerInput(layer, 0, true)));
      assertThat(tile.length).as("zoom " + z).isLessThanOrEqualTo(TileEncoder.MAX_BYTES);
    }
  }

  static JtsMvt decode(byte[] mvt) throws IOException {
    return MvtReader.loadMvt(new ByteArrayInputStream(mvt), new GeometryFactory(),
        new TagKeyValueMapConverter());
  }

  /** An overview tile's dots: how many communities each stands for, sorted. */
  private static List<Long> counts(byte[] tile) throws IOException {
    return decode(tile).getLayer("communities").getGeometries().stream()
        .map(g -> ((Number) ((Map<?, ?>) g.getUserData()).get("dot")).longValue()).sorted()
        .toList();
  }

  static Feature square(long id, double lon, double lat, double size) {
    var ring = F.createPolygon(new Coordinate[] {new Coordinate(lon, lat),
        new Coordinate(lon + size, lat), new Coordinate(lon + size, lat + size),
        new Coordinate(lon, lat + size), new Coordinate(lon, lat)});
    return new Feature(id, 1, ring, Map.of("name", "C" + id, "households", 10L));
  }
}
