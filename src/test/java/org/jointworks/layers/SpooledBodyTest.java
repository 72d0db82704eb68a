package org.jointworks.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jointworks.system.ApiException;
import org.junit.jupiter.api.Test;

/**
 * An upload written whole to a temporary file (decision 106, and the async import's spool): the
 * same bytes back, and no file left behind when the read fails — a limit's refusal (a runtime
 * exception from the bounded stream) included, which the async import's own copy used to leave.
 */
class SpooledBodyTest {
  @Test
  void theBodyComesBackWholeAndItsFileGoesWithTheSpool() throws Exception {
    byte[] body = "{\"type\":\"FeatureCollection\",\"features\":[]}".getBytes(StandardCharsets.UTF_8);
    Set<Path> before = spools();
    try (SpooledBody spooled = new SpooledBody()) {
      assertThat(spooled.of(new ByteArrayInputStream(body)).readAllBytes()).isEqualTo(body);
      assertThat(spools()).hasSize(before.size() + 1);
    }
    assertThat(spools()).isEqualTo(before);
  }

  @Test
  void aReadRefusedHalfWayLeavesNoFile() throws Exception {
    Set<Path> before = spools();
    InputStream refused = new InputStream() {
      private int sent;

      @Override
      public int read() {
        if (sent++ > 10_000) {
          throw ApiException.badRequest("too large"); // as the body limit refuses a read
        }
        return 'x';
      }
    };
    assertThatThrownBy(() -> SpooledBody.write(refused)).isInstanceOf(ApiException.class);
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("the client went away");
      }
    };
    assertThatThrownBy(() -> SpooledBody.write(broken)).isInstanceOf(IOException.class);
    assertThat(spools()).isEqualTo(before);
  }

  private static Set<Path> spools() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(p -> p.getFileName().toString().startsWith("jointworks-import-"))
          .collect(Collectors.toSet());
    }
  }
}
