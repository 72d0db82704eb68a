package org.jointworks.layers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jointworks.system.ApiException;

/**
 * An import's body read whole into a temporary file before the import takes a lock it keeps to
 * its commit (decision 106): a PostGIS import into an empty layer locks the table, and a client
 * that sends its body slowly — for as long as {@code jointworks.limits.parse-time} allows — must
 * not keep the layer's readers (and the connections they hold) waiting for its upload. Reading
 * the body goes through the same bounded stream (size and time, {@code limits.BodyLimitFilter})
 * as parsing it would. Deleted on close. One per import.
 */
final class SpooledBody implements AutoCloseable {
  private Path file;
  private InputStream in;

  /** The whole of {@code body}, read now; the stream to parse it from. */
  InputStream of(InputStream body) {
    try {
      file = write(body);
      in = Files.newInputStream(file);
      return in;
    } catch (IOException e) {
      throw ApiException.badRequest("the body could not be read whole: " + e.getMessage());
    }
  }

  /**
   * {@code body} written whole to a new temporary file, which the caller deletes; nothing is
   * left behind when the read fails, a size or time limit's refusal included.
   */
  static Path write(InputStream body) throws IOException {
    Path spooled = Files.createTempFile("jointworks-import-", ".geojson");
    try {
      Files.copy(body, spooled, StandardCopyOption.REPLACE_EXISTING);
      return spooled;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(spooled);
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      if (in != null) {
        in.close();
      }
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("deleting an import's spooled body", e);
    }
  }
}
