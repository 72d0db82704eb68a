package org.jointworks.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A feature read from the stream, its geometry apart (decision 105), is read by
 * {@link FeatureReader} exactly as the same feature's tree: the same feature or the same
 * problems, whatever the order, repetition or kind of its members.
 */
class StreamedFeatureTest {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":"
      + "[[[113.9,35.3],[113.901,35.3],[113.901,35.301],[113.9,35.301],[113.9,35.3]]]}";
  private static final String BOWTIE = "{\"type\":\"Polygon\",\"coordinates\":"
      + "[[[113.9,35.3],[113.901,35.301],[113.901,35.3],[113.9,35.301],[113.9,35.3]]]}";
  private static final String PROPS = "{\"name\":\"小区\",\"district\":\"hq\",\"households\":10,"
      + "\"buildings\":2,\"floor_area_m2\":900.5,\"colour\":\"red\"}";

  @Test
  void everyFeatureIsReadAsItsTreeIsRead() {
    FeatureReader reader = new FeatureReader(Layer.COMMUNITIES, Set.of("hq"), Set.of());
    List<String> features = List.of(
        "{\"type\":\"Feature\",\"geometry\":" + SQUARE + ",\"properties\":" + PROPS + "}",
        "{\"properties\":" + PROPS + ",\"geometry\":" + SQUARE + ",\"type\":\"Feature\"}",
        "{\"type\":\"Feature\",\"geometry\":" + BOWTIE + ",\"properties\":" + PROPS + "}",
        "{\"type\":\"Feature\",\"geometry\":null,\"properties\":" + PROPS + "}",
        "{\"type\":\"Feature\",\"geometry\":\"POLYGON\",\"properties\":" + PROPS + "}",
        "{\"type\":\"Feature\",\"geometry\":" + SQUARE + ",\"geometry\":null,\"properties\":"
            + PROPS + "}",
        "{\"type\":\"Feature\",\"geometry\":null,\"geometry\":" + SQUARE + ",\"properties\":"
            + PROPS + "}",
        "{\"type\":\"Feature\",\"geometry\":" + BOWTIE + ",\"geometry\":" + SQUARE
            + ",\"properties\":" + PROPS + "}",
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]},"
            + "\"properties\":" + PROPS + "}",
        "{\"type\":\"Feature\",\"geometry\":" + SQUARE + ",\"properties\":{\"name\":7}}",
        "{\"type\":\"Feature\",\"geometry\":" + SQUARE + "}",
        "{\"type\":\"Feat\",\"geometry\":" + SQUARE + ",\"properties\":" + PROPS + "}",
        "{\"geometry\":" + SQUARE + "}",
        "[1,2]",
        "\"Feature\"",
        "null");
    for (String json : features) {
      FeatureReader.Result fromTree = reader.read(JSON.readTree(json));
      FeatureReader.Result fromStream = streamed(reader, json);
      assertThat(fromStream.problems()).as(json).isEqualTo(fromTree.problems());
      assertThat(fromStream.ignoredProperties()).as(json)
          .isEqualTo(fromTree.ignoredProperties());
      assertThat(fromStream.feature() == null).as(json).isEqualTo(fromTree.feature() == null);
      if (fromTree.feature() != null) {
        assertThat(fromStream.feature().properties()).as(json)
            .isEqualTo(fromTree.feature().properties());
        assertThat(fromStream.feature().geometry().equalsExact(fromTree.feature().geometry()))
            .as(json).isTrue();
      }
    }
  }

  private static FeatureReader.Result streamed(FeatureReader reader, String json) {
    try (JsonParser p = JSON.createParser(json)) {
      assertThat(p.nextToken()).isNotNull().isNotEqualTo(JsonToken.NOT_AVAILABLE);
      StreamedFeature f = new StreamedFeature.Reader().read(p);
      return reader.read(f.node(), f.geometry());
    }
  }
}
