package org.jointworks.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * An imported polygon's rings are packed (decision 115) and stay packed through the copies the
 * service makes of them, answer as their array form does, and keep no second form of
 * themselves once read as {@code Coordinate}s.
 */
class PackedXYTest {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final String SQUARE_WITH_HOLE = "{\"type\":\"Polygon\",\"coordinates\":["
      + "[[113.9,35.3],[113.91,35.3],[113.91,35.31],[113.9,35.31],[113.9,35.3]],"
      + "[[113.902,35.302],[113.902,35.304],[113.904,35.304],[113.902,35.302]]]}";

  @Test
  void aStreamedPolygonsRingsArePackedAndEqualTheTreeReadersArrays() {
    Polygon streamed = (Polygon) streamed(SQUARE_WITH_HOLE);
    Geometry tree = GeoJsonGeometry.read(JSON.readTree(SQUARE_WITH_HOLE), Geometries.LONLAT);
    assertThat(streamed.getExteriorRing().getCoordinateSequence()).isInstanceOf(PackedXY.class);
    assertThat(streamed.getInteriorRingN(0).getCoordinateSequence())
        .isInstanceOf(PackedXY.class);
    assertThat(streamed.equalsExact(tree)).isTrue();
    assertThat(streamed.getArea()).isEqualTo(tree.getArea());
    assertThat(streamed.getEnvelopeInternal()).isEqualTo(tree.getEnvelopeInternal());
    assertThat(new WKBWriter(2, true).write(streamed))
        .isEqualTo(new WKBWriter(2, true).write(tree));
    assertThat(Geometries.problemOf(streamed)).isEmpty();
  }

  @Test
  void coordinatesAreMadeAfreshAndNeverKept() {
    LinearRing ring = ((Polygon) streamed(SQUARE_WITH_HOLE)).getExteriorRing();
    Coordinate[] first = ring.getCoordinates();
    Coordinate[] second = ring.getCoordinates();
    assertThat(second).isNotSameAs(first).containsExactly(first);
    first[0].x = 0; // whatever a caller does to its array, the ring is not changed
    assertThat(ring.getCoordinateN(0).x).isEqualTo(113.9);
    assertThat(ring.getCoordinateSequence().getCoordinate(0)).isNotSameAs(first[0]);
  }

  @Test
  void copiesAndTransformsStayPackedAndMatchTheArrayForm() throws Exception {
    Geometry streamed = streamed(SQUARE_WITH_HOLE);
    Geometry tree = GeoJsonGeometry.read(JSON.readTree(SQUARE_WITH_HOLE), Geometries.LONLAT);
    Geometry copy = streamed.copy();
    ((Polygon) copy).getExteriorRing().getCoordinateSequence().setOrdinate(1, 0, 114);
    assertThat(((Polygon) streamed).getExteriorRing().getCoordinateN(1).x).isEqualTo(113.91);

    Polygon metric = (Polygon) Crs.transform(streamed, Crs.LONLAT, Crs.GK_114E);
    Geometry metricOfTree = Crs.transform(tree, Crs.LONLAT, Crs.GK_114E);
    assertThat(metric.getExteriorRing().getCoordinateSequence()).isInstanceOf(PackedXY.class);
    assertThat(metric.equalsExact(metricOfTree)).isTrue();
    assertThat(metric.getSRID()).isEqualTo(Crs.GK_114E);
    assertThat(metric.getArea()).isEqualTo(metricOfTree.getArea());
    // A JTS operation on it answers as on the array form.
    assertThat(metric.buffer(5).getArea()).isEqualTo(metricOfTree.buffer(5).getArea());
    // Stored and read back, it is the same geometry.
    Geometry back = new WKBReader(Geometries.LONLAT).read(new WKBWriter(2, true).write(streamed));
    assertThat(back.equalsExact(tree)).isTrue();
  }

  @Test
  void aPositionOutsideLonLatIsNamedAsBefore() {
    for (String json : List.of(
        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[4,0],[4,400],[0,4],[0,0]]]}",
        "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[4,0],[4,4],[0,4],[0,0]]],"
            + "[[[5,5],[6,5],[6,-96],[5,5]]]]}")) {
      Geometry g = streamed(json);
      Geometry tree = GeoJsonGeometry.read(JSON.readTree(json), Geometries.LONLAT);
      String expected = json.contains("400") ? "coordinate (4.0, 400.0) is outside the lon/lat range"
          : "coordinate (6.0, -96.0) is outside the lon/lat range";
      assertThat(Geometries.problemOf(g)).contains(expected);
      assertThat(Geometries.problemOf(tree)).contains(expected);
    }
  }

  private static Geometry streamed(String json) {
    try (JsonParser p = JSON.createParser(json)) {
      p.nextToken();
      return new StreamedGeometry.Reader().read(p).toGeometry(Geometries.LONLAT);
    }
  }
}
