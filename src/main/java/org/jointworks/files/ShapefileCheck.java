package org.jointworks.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Map;
import org.jointworks.geo.VertexLimit;
import org.jointworks.limits.ParseBudget;
import org.jointworks.system.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Checks a Shapefile's three parts against their real lengths and against each other before
 * any reader allocates from what they claim (a 300-byte .shp claiming 2^30 points once took the
 * JVM down with an OutOfMemoryError). Every count a reader would allocate by is proven by the
 * bytes present: the .shx index lies inside its file and every entry points at a .shp record
 * of the same length inside the .shp; every record's part and point counts add up to its content
 * length; part starts increase; polygon rings have four points or more and end where they
 * start; the .dbf's header, field descriptors and records fit its file; and the .dbf has exactly
 * one row per shape. A failure names the part, the feature (0-based, as the import's indexes)
 * and what is wrong, with the code {@code file.shapefile}; a geometry over the vertex limit is
 * {@code limit.vertices}. Reads only headers and counts (a few bytes per record). Stateless.
 */
final class ShapefileCheck {
  private static final int NULL = 0;

  private ShapefileCheck() {}

  /** The number of records, once every check passed. */
  static int check(Path shp, Path shx, Path dbf) throws IOException {
    try (FileChannel s = FileChannel.open(shp); FileChannel x = FileChannel.open(shx);
        FileChannel d = FileChannel.open(dbf)) {
      int type = header(s, ".shp");
      int indexType = header(x, ".shx");
      if (indexType != type) {
        throw refused(".shx", "its shape type " + indexType + " is not the .shp's " + type, -1);
      }
      long xLen = x.size();
      if ((xLen - 100) % 8 != 0) {
        throw refused(".shx", "its length is not a whole number of index entries", -1);
      }
      long records = (xLen - 100) / 8;
      int rows = dbf(d);
      if (records != rows) {
        throw ApiException.of(HttpStatus.BAD_REQUEST, "file.shapefile_rows",
            "the .dbf has " + rows + " rows but the .shp has " + records
                + " shapes; every shape needs exactly one row",
            Map.of("rows", rows, "shapes", records));
      }
      ByteBuffer entry = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
      for (int i = 0; i < records; i++) {
        ParseBudget.check();
        entry.clear();
        readFully(x, entry, 100 + 8L * i, ".shx", i);
        long offset = 2L * Integer.toUnsignedLong(entry.getInt(0));
        long length = 2L * Integer.toUnsignedLong(entry.getInt(4));
        record(s, type, offset, length, i);
      }
      return rows;
    }
  }

  /** Checks the 100-byte header of a .shp or .shx; returns its shape type. */
  private static int header(FileChannel c, String part) throws IOException {
    long real = c.size();
    if (real < 100) {
      throw refused(part, "it is shorter than its 100-byte header", -1);
    }
    ByteBuffer h = ByteBuffer.allocate(100);
    readFully(c, h, 0, part, -1);
    h.order(ByteOrder.BIG_ENDIAN);
    if (h.getInt(0) != 9994) {
      throw refused(part, "it does not start with the Shapefile file code", -1);
    }
    long declared = 2L * Integer.toUnsignedLong(h.getInt(24));
    if (declared != real) {
      throw refused(part, "its header says " + declared + " bytes but it has " + real, -1);
    }
    h.order(ByteOrder.LITTLE_ENDIAN);
    int type = h.getInt(32);
    if (!supported(type)) {
      throw refused(part, "shape type " + type + " is not one this import reads", -1);
    }
    return type;
  }

  private static boolean supported(int type) {
    return switch (type) {
      case 1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28 -> true;
      default -> false;
    };
  }

  /** Checks one .shp record, located by the .shx entry {@code i}. */
  private static void record(FileChannel s, int fileType, long offset, long length, int i)
      throws IOException {
    long real = s.size();
    if (offset < 100 || offset + 8 + length > real || length < 4) {
      throw refused(".shx", "its entry points outside the .shp", i);
    }
    ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
    readFully(s, head, offset, ".shp", i);
    if (2L * Integer.toUnsignedLong(head.getInt(4)) != length) {
      throw refused(".shp", "the record's length differs from the .shx's", i);
    }
    ByteBuffer body = ByteBuffer.allocate((int) Math.min(length, 44)).order(
        ByteOrder.LITTLE_ENDIAN);
    readFully(s, body, offset + 8, ".shp", i);
    int type = body.getInt(0);
    if (type == NULL) {
      return;
    }
    if (type != fileType) {
      throw refused(".shp", "shape type " + type + " differs from the file's " + fileType, i);
    }
    int base = fileType % 10;
    boolean z = fileType > 10 && fileType < 20;
    boolean m = fileType > 20;
    if (base == 1) {
      long expected = z ? 36 : m ? 28 : 20;
      if (length != expected && !(z && length == 28)) {
        throw refused(".shp", "a point record of " + length + " bytes", i);
      }
      return;
    }
    long parts;
    long points;
    long fixed;
    if (base == 8) {
      if (length < 40) {
        throw refused(".shp", "the record is shorter than its counts", i);
      }
      parts = 0;
      points = Integer.toUnsignedLong(body.getInt(36));
      fixed = 40;
    } else {
      if (length < 44) {
        throw refused(".shp", "the record is shorter than its counts", i);
      }
      parts = Integer.toUnsignedLong(body.getInt(36));
      points = Integer.toUnsignedLong(body.getInt(40));
      fixed = 44;
    }
    if (points > Integer.MAX_VALUE / 64 || parts > Integer.MAX_VALUE / 64) {
      throw refused(".shp", "it claims " + points + " points in " + parts + " parts, far more"
          + " than its " + length + " bytes hold", i);
    }
    long xy = fixed + 4 * parts + 16 * points;
    long zm = 16 + 8 * points;
    long min = z ? xy + zm : xy;
    long max = z || m ? xy + 2 * zm : xy;
    if (length < min || length > max || (m && length != xy && length != xy + zm)
        || (z && length != xy + zm && length != xy + 2 * zm)) {
      throw refused(".shp", "its " + parts + " parts and " + points + " points do not fit its "
          + length + " bytes", i);
    }
    VertexLimit.check(points);
    if (base == 8) {
      if (points < 1) {
        throw refused(".shp", "a multipoint without points", i);
      }
      return;
    }
    if (parts < 1 || points < 2) {
      throw refused(".shp", "a line or polygon needs at least one part of two points", i);
    }
    ByteBuffer starts = ByteBuffer.allocate((int) (4 * parts)).order(ByteOrder.LITTLE_ENDIAN);
    readFully(s, starts, offset + 8 + 44, ".shp", i);
    int[] first = new int[(int) parts + 1];
    for (int p = 0; p < parts; p++) {
      first[p] = starts.getInt(4 * p);
      if ((p == 0 && first[p] != 0) || (p > 0 && first[p] <= first[p - 1])
          || first[p] >= points) {
        throw refused(".shp", "part " + p + " starts at point " + first[p]
            + ", outside the record's " + points + " points or not after the part before", i);
      }
    }
    first[(int) parts] = (int) points;
    long xyAt = offset + 8 + 44 + 4 * parts;
    for (int p = 0; p < parts; p++) {
      int n = first[p + 1] - first[p];
      if (n < 2 || (base == 5 && n < 4)) {
        throw refused(".shp", (base == 5 ? "ring " : "part ") + p + " has " + n
            + " points; " + (base == 5 ? "a ring needs 4" : "a line needs 2"), i);
      }
      if (base == 5 && !closed(s, xyAt + 16L * first[p], xyAt + 16L * (first[p + 1] - 1), i)) {
        throw ApiException.of(HttpStatus.BAD_REQUEST, "file.shapefile_ring",
            "feature " + i + ": ring " + p + " does not end where it starts",
            Map.of("feature", i, "ring", p));
      }
    }
  }

  private static boolean closed(FileChannel s, long firstAt, long lastAt, int i)
      throws IOException {
    ByteBuffer a = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    readFully(s, a, firstAt, ".shp", i);
    readFully(s, b, lastAt, ".shp", i);
    return a.getDouble(0) == b.getDouble(0) && a.getDouble(8) == b.getDouble(8);
  }

  /** Checks the .dbf's header and descriptors against its length; returns its row count. */
  private static int dbf(FileChannel d) throws IOException {
    long real = d.size();
    if (real < 33) {
      throw refused(".dbf", "it is shorter than a header", -1);
    }
    ByteBuffer h = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
    readFully(d, h, 0, ".dbf", -1);
    long rows = Integer.toUnsignedLong(h.getInt(4));
    int headerLength = Short.toUnsignedInt(h.getShort(8));
    int recordLength = Short.toUnsignedInt(h.getShort(10));
    if (headerLength < 33 || headerLength > real || recordLength < 1) {
      throw refused(".dbf", "its header length " + headerLength + " or record length "
          + recordLength + " is impossible", -1);
    }
    ByteBuffer fields = ByteBuffer.allocate(headerLength - 32);
    readFully(d, fields, 32, ".dbf", -1);
    int sum = 1;
    int at = 0;
    while (at < fields.capacity() && fields.get(at) != 0x0D) {
      if (at + 32 > fields.capacity()) {
        throw refused(".dbf", "a field descriptor runs past the header", -1);
      }
      sum += Byte.toUnsignedInt(fields.get(at + 16));
      at += 32;
    }
    if (at >= fields.capacity() || at == 0) {
      throw refused(".dbf", "its field descriptors are not terminated or absent", -1);
    }
    if (sum != recordLength) {
      throw refused(".dbf", "its fields add up to " + sum + " bytes but a record is said to"
          + " have " + recordLength, -1);
    }
    if (headerLength + rows * recordLength > real) {
      throw refused(".dbf", "it claims " + rows + " rows of " + recordLength + " bytes but has"
          + " only " + real + " bytes", -1);
    }
    return (int) rows;
  }

  private static void readFully(FileChannel c, ByteBuffer b, long at, String part, int i)
      throws IOException {
    long pos = at;
    while (b.hasRemaining()) {
      int n = c.read(b, pos);
      if (n < 0) {
        throw refused(part, "it ends early", i);
      }
      pos += n;
    }
  }

  static ApiException refused(String part, String why, int feature) {
    String where = feature < 0 ? "" : "feature " + feature + ": ";
    return ApiException.of(HttpStatus.BAD_REQUEST, "file.shapefile",
        where + "the " + part + " is not a valid Shapefile part: " + why,
        feature < 0 ? Map.of("part", part) : Map.of("part", part, "feature", feature));
  }
}
