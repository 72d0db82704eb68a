package org.jointworks.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The warm-up's made-up bodies pass every check an import makes (decision 101): a refused feature
 * would stop before the validity check, the transform and the column preparation that the warm-up
 * is there to compile.
 */
class ImportWarmUpTest {
  @Test
  void everyMadeUpCommunityAndWorkIsValid() {
    assertAllValid(Layer.COMMUNITIES, ImportWarmUp.communities(500));
    assertAllValid(Layer.WORKS, ImportWarmUp.works(500));
  }

  /**
   * Three rounds read the same body through three kinds of stream, so the parser's read is
   * compiled as a virtual call that a real import's stream does not deoptimise (decision 107),
   * one of them the body spooled to a file and read back, as an upload is (decision 117).
   */
  @Test
  void roundsReadTheBodyThroughThreeKindsOfStream() throws Exception {
    byte[] body = ImportWarmUp.works(20);
    Set<Class<?>> kinds = new java.util.HashSet<>();
    for (int round = 0; round < 3; round++) {
      try (SpooledBody spool = new SpooledBody();
          java.io.InputStream in = ImportWarmUp.stream(body, round, spool)) {
        kinds.add(in.getClass());
        assertThat(in.readAllBytes()).isEqualTo(body);
      }
    }
    assertThat(kinds).hasSize(3);
  }

  private static void assertAllValid(Layer layer, byte[] body) {
    JsonNode features = JsonMapper.builder().build().readTree(body).get("features");
    assertThat(features.size()).isEqualTo(500);
    FeatureReader reader = new FeatureReader(layer, Set.of("warm-up"), Set.of("warm-up"));
    for (JsonNode f : features) {
      assertThat(reader.read(f).problems()).as(f.toString()).isEmpty();
    }
  }
}
