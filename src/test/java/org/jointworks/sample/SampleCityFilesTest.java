package org.jointworks.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jointworks.layers.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The committed sample files are exactly what the generator writes, every time. */
class SampleCityFilesTest {
  private static final Path COMMITTED = Path.of("gis-data", "sample");

  @Test
  void regeneratingGivesTheCommittedFilesByteForByte(@TempDir Path dir) throws IOException {
    SampleCityGenerator.writeFiles(CityOptions.plan(), dir);
    for (Layer layer : Layer.values()) {
      String file = layer.id() + ".geojson";
      assertThat(Files.readAllBytes(dir.resolve(file))).as(file + " (regenerate with"
          + " SampleCityGenerator and commit if the change is intended)")
          .isEqualTo(Files.readAllBytes(COMMITTED.resolve(file)));
    }
  }

  @Test
  void twoRunsWriteIdenticalFiles(@TempDir Path a, @TempDir Path b) throws IOException {
    CityOptions options = CityOptions.scaled(700, 5000).withSeed(7);
    SampleCityGenerator.writeFiles(options, a);
    SampleCityGenerator.writeFiles(options, b);
    for (Layer layer : Layer.values()) {
      String file = layer.id() + ".geojson";
      assertThat(Files.readAllBytes(a.resolve(file))).isEqualTo(Files.readAllBytes(b.resolve(file)));
    }
  }

  @Test
  void filesAreFeatureCollectionsWithOneFeaturePerLine(@TempDir Path dir) throws IOException {
    Map<Layer, Long> counts = SampleCityGenerator.writeFiles(CityOptions.plan(), dir);
    for (Layer layer : Layer.values()) {
      Path file = dir.resolve(layer.id() + ".geojson");
      JsonNode root = Fixtures.JSON.readTree(file);
      assertThat(root.path("type").asString()).isEqualTo("FeatureCollection");
      assertThat((long) root.path("features").size()).isEqualTo(counts.get(layer));
      assertThat((long) Files.readAllLines(file).size()).isEqualTo(counts.get(layer) + 2);
    }
  }

  @Test
  void coordinatesAreRoundedToSevenDecimals() throws IOException {
    String text = Files.readString(COMMITTED.resolve("communities.geojson"));
    assertThat(text).doesNotContainPattern("\\[\\d+\\.\\d{8,},");
    assertThat(text).containsPattern("\\[11[34]\\.\\d{1,7},3[45]\\.\\d{1,7}\\]");
  }

  @Test
  void commandLineWritesTheRequestedCity(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = SampleCityGenerator.run(new String[] {"--out", dir.toString(), "--communities",
        "300", "--pipelines", "2000", "--works", "50", "--seed", "3"},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("communities  300")
        .contains("pipelines    2,000").contains("works        50");
    assertThat(Fixtures.JSON.readTree(dir.resolve("communities.geojson")).path("features").size())
        .isEqualTo(300);
  }

  @Test
  void commandLineRejectsUnknownOptions() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = SampleCityGenerator.run(new String[] {"--colour", "red"}, System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --colour");
  }
}
