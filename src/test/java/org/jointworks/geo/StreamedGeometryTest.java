package org.jointworks.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jointworks.limits.Limits;
import org.jointworks.limits.LimitsForTests;
import org.jointworks.system.ApiException;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A streamed geometry object answers exactly as the tree reader answers for the same text
 * (decision 105): the same geometry, or the same refusal with the same message.
 */
class StreamedGeometryTest {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  @Test
  void everyShapeAndEveryMistakeAnswersAsTheTreeDoes() {
    List<String> cases = List.of(
        "{\"type\":\"Point\",\"coordinates\":[113.9,35.3]}",
        "{\"coordinates\":[113.9,35.3,12.5],\"type\":\"Point\"}",
        "{\"type\":\"Point\",\"coordinates\":[113.9,35.3,\"high\"]}",
        "{\"type\":\"Point\",\"coordinates\":[113.9,35.3,[1]]}",
        "{\"type\":\"Point\",\"coordinates\":[113.9]}",
        "{\"type\":\"Point\",\"coordinates\":[]}",
        "{\"type\":\"Point\",\"coordinates\":[1e400,2]}",
        "{\"type\":\"Point\",\"coordinates\":[123456789012345678901234567890,2]}",
        "{\"type\":\"Point\",\"coordinates\":[\"1\",2]}",
        "{\"type\":\"Point\",\"coordinates\":[null,2]}",
        "{\"type\":\"Point\",\"coordinates\":[{\"x\":1},2]}",
        "{\"type\":\"Point\",\"coordinates\":\"1,2\"}",
        "{\"type\":\"Point\"}",
        "{\"type\":7,\"coordinates\":[1,2]}",
        "{\"type\":\"point\",\"coordinates\":[1,2]}",
        "{\"type\":\"LineString\",\"coordinates\":[[1,2],[3,4],[5,6]]}",
        "{\"type\":\"LineString\",\"coordinates\":[[1,2]]}",
        "{\"type\":\"LineString\",\"coordinates\":[]}",
        "{\"type\":\"LineString\",\"coordinates\":[[1,2],3]}",
        "{\"type\":\"LineString\",\"coordinates\":[[1,2],[[3,4]]]}",
        "{\"type\":\"LineString\",\"coordinates\":[[1,2],[3,4]],\"coordinates\":[[5,6],[7,8]]}",
        "{\"type\":\"LineString\",\"coordinates\":[[1,2],[3,4]],\"coordinates\":null}",
        "{\"type\":\"LineString\",\"coordinates\":null,\"coordinates\":[[1,2],[3,4]]}",
        "{\"type\":\"MultiPoint\",\"coordinates\":[[1,2],[3,4]]}",
        "{\"type\":\"MultiPoint\",\"coordinates\":[]}",
        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[4,0],[4,4],[0,4],[0,0]]]}",
        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[4,0],[4,4],[0,4],[0,0]],"
            + "[[1,1],[2,1],[2,2],[1,1]]]}",
        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[4,0],[4,4],[0,4]]]}",
        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[4,0],[0,0]]]}",
        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[4,0],[4,4],[0,4],[0,0]],[]]}",
        "{\"type\":\"Polygon\",\"coordinates\":[]}",
        "{\"type\":\"Polygon\",\"coordinates\":[[]]}",
        "{\"type\":\"Polygon\",\"coordinates\":[[0,0],[4,0],[4,4],[0,4],[0,0]]}",
        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[4,0],[4,4],[0,4],[0,0]]],"
            + "\"bbox\":[0,0,4,4],\"crs\":{\"type\":\"name\"}}",
        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[4,0],[4,4],[0,4],[0,0]]],"
            + "\"geometries\":[{\"type\":\"Point\",\"coordinates\":[1,2]}]}",
        "{\"type\":\"MultiLineString\",\"coordinates\":[[[1,2],[3,4]],[[5,6],[7,8],[9,9]]]}",
        "{\"type\":\"MultiLineString\",\"coordinates\":[[[1,2],[3,4]],[[5,6]]]}",
        "{\"type\":\"MultiLineString\",\"coordinates\":[]}",
        "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[4,0],[4,4],[0,4],[0,0]]],"
            + "[[[5,5],[6,5],[6,6],[5,5]]]]}",
        "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[4,0],[4,4],[0,4],[0,0]]],[]]}",
        "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[[0,0]]]]]}",
        "{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Point\","
            + "\"coordinates\":[1,2]},{\"type\":\"LineString\",\"coordinates\":[[1,2],[3,4]]}]}",
        "{\"type\":\"GeometryCollection\",\"coordinates\":[1,2]}",
        "{\"type\":\"Curve\",\"coordinates\":[[1,2],[3,4]]}",
        "{}");
    int built = 0;
    for (String json : cases) {
      assertSameAnswer(json);
      built += streamed(json).built(Geometries.LONLAT) != null ? 1 : 0;
    }
    // The twelve plain geometries above (three points, three lines — two with a member
    // replaced —, a multipoint, three polygons, a multiline, a multipolygon) are built from the
    // flat arrays; every other case went to the tree reader.
    assertThat(built).isEqualTo(12);
  }

  @Test
  void aGeometryOverTheVertexLimitIsRefusedAsTheTreeRefusesIt() {
    StringBuilder sb = new StringBuilder("{\"type\":\"MultiPoint\",\"coordinates\":[");
    int n = Limits.current().vertices() + 1;
    for (int i = 0; i < n; i++) {
      sb.append(i > 0 ? "," : "").append('[').append(i % 90).append(',').append(i % 80)
          .append(']');
    }
    String json = sb.append("]}").toString();
    assertThat(answer(() -> streamed(json).toGeometry(Geometries.LONLAT)))
        .startsWith("ApiException limit.vertices");
    assertSameAnswer(json);
  }

  /**
   * With the limit at five positions, every way of counting them — empty arrays, a first member
   * that is not an array, arrays below four levels, the members of a GeometryCollection — ends
   * in the tree reader's answer, the refusal naming the same count.
   */
  @Test
  void positionsAreCountedAsTheTreeCountsThem() {
    List<String> cases = List.of(
        "{\"type\":\"MultiPoint\",\"coordinates\":[[1,2],[3,4],[5,6],[7,8],[9,9],[1,1]]}",
        "{\"type\":\"MultiPoint\",\"coordinates\":[[1,2],[3,4],[5,6],[7,8],[9,9]]}",
        "{\"type\":\"MultiPoint\",\"coordinates\":[[],[],[],[],[],[]]}",
        "{\"type\":\"MultiPoint\",\"coordinates\":[[1,[2]],[3,[4]],[5],[7],[9],[\"a\"]]}",
        "{\"type\":\"MultiPoint\",\"coordinates\":[[1,2],[3,4],[5,6],[7,8],[9,9],3,4,5]}",
        "{\"type\":\"Polygon\",\"coordinates\":[[[[[[1,2],[1,2],[1,2],[1,2],[1,2],[1,2]]]]]]}",
        "{\"type\":\"Polygon\",\"coordinates\":[[[[[1,2],[1,2],[1,2],[1,2],[1,2],[1,2]]]]]}",
        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[4,0],[4,4],[0,4],[0,0]]],"
            + "\"geometries\":[{\"type\":\"Point\",\"coordinates\":[1,2]}]}",
        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[4,0],[4,4],[0,0]]],"
            + "\"geometries\":[{\"type\":\"Point\",\"coordinates\":[1,2]}]}",
        "{\"type\":\"LineString\",\"coordinates\":[[1,2],[3,4],{\"a\":[[1],[2],[3],[4],[5],[6]]},"
            + "[5,6],[7,8],[9,9],[0,0]]}");
    LimitsForTests.withVertices(5, () -> {
      for (String json : cases) {
        assertSameAnswer(json);
      }
      assertThat(answer(() -> streamed(cases.get(0)).toGeometry(Geometries.LONLAT)))
          .isEqualTo("ApiException limit.vertices a geometry has 6 vertices; the limit is 5");
    });
  }

  /** Made-up objects of every shape and depth, numbers and mistakes mixed in, seeded. */
  @Test
  void randomObjectsAnswerAsTheTreeDoes() {
    randomObjects(new Random(105), 150);
    // Under a limit of six positions many of them are refused: by the same count.
    LimitsForTests.withVertices(6, () -> randomObjects(new Random(106), 50));
  }

  private static void randomObjects(Random random, int leastBuilt) {
    String[] types = {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon",
        "MultiPolygon", "GeometryCollection", "Line"};
    int built = 0;
    for (int i = 0; i < 4000; i++) {
      String type = types[random.nextInt(types.length)];
      int depth = random.nextInt(5);
      String coordinates = nested(random, depth, random.nextInt(3) == 0);
      String json = random.nextBoolean()
          ? "{\"type\":\"" + type + "\",\"coordinates\":" + coordinates + "}"
          : "{\"coordinates\":" + coordinates + ",\"bbox\":[1,2,3,4],\"type\":\"" + type + "\"}";
      assertSameAnswer(json);
      built += builtAlone(json) ? 1 : 0;
    }
    // Enough of the made-up objects were built from the flat arrays to have been compared.
    assertThat(built).isGreaterThan(leastBuilt);
  }

  /** Arrays {@code depth} deep; rings close when asked; now and then a mistake. */
  private static String nested(Random random, int depth, boolean closed) {
    if (depth == 0) {
      int n = random.nextInt(10) == 0 ? random.nextInt(4) : 2 + random.nextInt(2) / 2;
      List<String> members = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        int pick = random.nextInt(60);
        members.add(pick == 0 ? "\"x\"" : pick == 1 ? "null" : pick == 2 ? "1e400"
            : pick == 3 ? "[1]" : Integer.toString(random.nextInt(3)));
      }
      return "[" + String.join(",", members) + "]";
    }
    int n = random.nextInt(8) == 0 ? random.nextInt(2) : 1 + random.nextInt(5);
    List<String> members = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      members.add(nested(random, depth - 1, closed));
    }
    if (closed && depth == 1 && !members.isEmpty()) {
      members.add(members.get(0));
    }
    return "[" + String.join(",", members) + "]";
  }

  /** Asserts both readers answer alike. */
  private static void assertSameAnswer(String json) {
    String fromTree = answer(() -> GeoJsonGeometry.read(JSON.readTree(json), Geometries.LONLAT));
    String fromStream = answer(() -> streamed(json).toGeometry(Geometries.LONLAT));
    assertThat(fromStream).as(json).isEqualTo(fromTree);
  }

  /** Whether the flat arrays alone made the geometry (a refusal is not one). */
  private static boolean builtAlone(String json) {
    try {
      return streamed(json).built(Geometries.LONLAT) != null;
    } catch (ApiException refused) {
      return false;
    }
  }

  private static StreamedGeometry streamed(String json) {
    try (JsonParser p = JSON.createParser(json)) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      return new StreamedGeometry.Reader().read(p);
    }
  }

  /** The geometry as class and exact text, or the refusal as class, code and message. */
  private static String answer(java.util.function.Supplier<Geometry> read) {
    try {
      Geometry g = read.get();
      return "geometry " + g.getClass().getSimpleName() + " " + g.toText() + " srid "
          + g.getSRID() + " " + g.getFactory().getCoordinateSequenceFactory().getClass();
    } catch (ApiException e) {
      return "ApiException " + e.code() + " " + e.getMessage();
    } catch (IllegalArgumentException e) {
      return "IllegalArgumentException " + e.getMessage();
    }
  }
}
