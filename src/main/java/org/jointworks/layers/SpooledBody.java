package org.jointworks.layers;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
  /** Bytes written to the file at a time (below half a G1 heap region at any heap size). */
  static final int STAGE = 256 * 1024;

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
    // The servlet stream gives 8 KB a read; written as it came, a 52 MB body was 6,500 writes
    // (36-52 ms of an import's time on the 2-core machine, the database idle meanwhile).
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(spooled), STAGE)) {
      body.transferTo(out);
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
