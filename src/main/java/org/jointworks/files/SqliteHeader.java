package org.jointworks.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jointworks.system.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Checks the 100-byte header of a SQLite file (a GeoPackage) against the file's real length
 * before SQLite opens it: the magic string, a page size that is a power of two from 512 to
 * 65,536, the fixed payload fractions, a text encoding of 1..3, and — when the header's page
 * count is current (its "valid-for" number equals the change counter, as every SQLite since
 * 3.7.0 writes it) — a file exactly that many pages long. A truncated file or one whose header
 * lies is refused with {@code file.geopackage} before any reader trusts it. Stateless.
 */
final class SqliteHeader {
  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(
      java.nio.charset.StandardCharsets.US_ASCII);

  private SqliteHeader() {}

  static void check(Path file) {
    byte[] h = new byte[100];
    long real;
    try (InputStream in = Files.newInputStream(file)) {
      real = Files.size(file);
      if (in.readNBytes(h, 0, 100) < 100) {
        throw refused("it is shorter than a SQLite header");
      }
    } catch (IOException e) {
      throw refused("it cannot be read");
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (h[i] != MAGIC[i]) {
        throw refused("it is not a SQLite file");
      }
    }
    ByteBuffer b = ByteBuffer.wrap(h);
    int pageSize = Short.toUnsignedInt(b.getShort(16));
    pageSize = pageSize == 1 ? 65_536 : pageSize;
    if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
      throw refused("its page size " + pageSize + " is impossible");
    }
    if (h[18] < 1 || h[18] > 2 || h[19] < 1 || h[19] > 2 || h[21] != 64 || h[22] != 32
        || h[23] != 32) {
      throw refused("its header is damaged");
    }
    int encoding = b.getInt(56);
    if (encoding < 1 || encoding > 3) {
      throw refused("its text encoding " + encoding + " is impossible");
    }
    if (real % pageSize != 0) {
      throw refused("its length is not a whole number of pages");
    }
    long pages = Integer.toUnsignedLong(b.getInt(28));
    if (b.getInt(92) == b.getInt(24) && pages * pageSize != real) {
      throw refused("its header says " + pages + " pages of " + pageSize + " bytes but it has "
          + real + " bytes");
    }
  }

  private static ApiException refused(String why) {
    return ApiException.of(HttpStatus.BAD_REQUEST, "file.geopackage",
        "the GeoPackage is damaged: " + why, Map.of());
  }
}
