package org.jointworks.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A valid zipped Shapefile of two communities in EPSG:4490, written byte by byte so that its
 * mutations can lie in exactly one field, and those mutations: truncated parts, counts and
 * lengths that lie, rows that do not match shapes, an unclosed ring, bit flips in the fields
 * every reader trusts, and zips that are bombs, truncated, crowded or not zips at all.
 */
final class ShapefileSeed {
  static final String PRJ = "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\","
      + "SPHEROID[\"CGCS2000\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],"
      + "UNIT[\"degree\",0.0174532925199433]]";
  /** The fields and widths of the .dbf. */
  private static final String[][] FIELDS = {{"NAME", "C", "40"}, {"DISTRICT", "C", "16"},
      {"HOUSEHOLDS", "N", "10"}, {"BUILDINGS", "N", "10"}, {"FLOOR_AREA", "N", "14"}};
  static final int RECORD = 44 + 4 + 16 * 5;
  private static byte[] bomb;

  private ShapefileSeed() {}

  /** The parts of the seed: shp, shx, dbf, prj, cpg. */
  static Map<String, byte[]> parts(int n) {
    ByteBuffer shp = header(100 + n * (8 + RECORD), 5);
    ByteBuffer shx = header(100 + n * 8, 5);
    for (int i = 0; i < n; i++) {
      int offset = 100 + i * (8 + RECORD);
      double x = 113.80 + 0.01 * i;
      double y = 35.30;
      shp.order(ByteOrder.BIG_ENDIAN).putInt(i + 1).putInt(RECORD / 2);
      shp.order(ByteOrder.LITTLE_ENDIAN).putInt(5).putDouble(x).putDouble(y)
          .putDouble(x + 0.002).putDouble(y + 0.002).putInt(1).putInt(5).putInt(0);
      double[][] ring = {{x, y}, {x, y + 0.002}, {x + 0.002, y + 0.002}, {x + 0.002, y}, {x, y}};
      for (double[] p : ring) {
        shp.putDouble(p[0]).putDouble(p[1]);
      }
      shx.order(ByteOrder.BIG_ENDIAN).putInt(offset / 2).putInt(RECORD / 2);
    }
    Map<String, byte[]> parts = new LinkedHashMap<>();
    parts.put("shp", shp.array());
    parts.put("shx", shx.array());
    parts.put("dbf", dbf(n));
    parts.put("prj", PRJ.getBytes(StandardCharsets.US_ASCII));
    parts.put("cpg", "UTF-8".getBytes(StandardCharsets.US_ASCII));
    return parts;
  }

  private static ByteBuffer header(int length, int type) {
    ByteBuffer b = ByteBuffer.allocate(length);
    b.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, length / 2);
    b.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, type)
        .putDouble(36, 113.8).putDouble(44, 35.3).putDouble(52, 113.9).putDouble(60, 35.4);
    b.position(100);
    return b;
  }

  private static byte[] dbf(int n) {
    int headerLength = 32 + 32 * FIELDS.length + 1;
    int recordLength = 1;
    for (String[] f : FIELDS) {
      recordLength += Integer.parseInt(f[2]);
    }
    ByteBuffer b = ByteBuffer.allocate(headerLength + n * recordLength + 1)
        .order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 3).put((byte) 123).put((byte) 1).put((byte) 1).putInt(n)
        .putShort((short) headerLength).putShort((short) recordLength);
    b.position(32);
    for (String[] f : FIELDS) {
      byte[] name = Arrays.copyOf(f[0].getBytes(StandardCharsets.US_ASCII), 11);
      b.put(name).put((byte) f[1].charAt(0)).putInt(0).put((byte) Integer.parseInt(f[2]))
          .put((byte) 0).put(new byte[14]);
    }
    b.put((byte) 0x0D);
    for (int i = 0; i < n; i++) {
      b.put((byte) ' ');
      cell(b, "Fuzz" + i, 40, false);
      cell(b, "weibin", 16, false);
      cell(b, Integer.toString(100 + i), 10, true);
      cell(b, "3", 10, true);
      cell(b, "12000.5", 14, true);
    }
    b.put((byte) 0x1A);
    return b.array();
  }

  private static void cell(ByteBuffer b, String v, int width, boolean right) {
    String s = right ? " ".repeat(width - v.length()) + v : v + " ".repeat(width - v.length());
    b.put(s.getBytes(StandardCharsets.US_ASCII));
  }

  static byte[] zip(Map<String, byte[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : parts.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey().contains(".") ? e.getKey()
            : "fuzz." + e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Named hostile zips made from the seed by {@code rnd}. */
  static Map<String, byte[]> mutations(Random rnd) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (int k = 0; k < 4; k++) {
      for (String part : List.of("shp", "shx")) {
        Map<String, byte[]> p = parts(2);
        int cut = rnd.nextInt(p.get(part).length);
        p.put(part, Arrays.copyOf(p.get(part), cut));
        out.put("truncate ." + part + "@" + cut, zip(p));
      }
      Map<String, byte[]> p = parts(2);
      int cut = rnd.nextInt(p.get("dbf").length - 1);
      p.put("dbf", Arrays.copyOf(p.get("dbf"), cut));
      out.put("truncate .dbf@" + cut, zip(p));
    }
    int[] lies = {1 << 30, Integer.MAX_VALUE, -1, 6, 4, 0, rnd.nextInt(), rnd.nextInt(1000)};
    for (int lie : lies) {
      out.put("points=" + lie, zip(withInt("shp", 100 + 8 + 40, lie, true)));
      out.put("parts=" + lie, zip(withInt("shp", 100 + 8 + 36, lie, true)));
      if (lie != 0) {
        out.put("partStart=" + lie, zip(withInt("shp", 100 + 8 + 44, lie, true)));
      }
      out.put("shx offset=" + lie, zip(withInt("shx", 100 + 8, lie, false)));
      out.put("shx length=" + lie, zip(withInt("shx", 100 + 12, lie, false)));
      out.put("record length=" + lie, zip(withInt("shp", 100 + 4, lie, false)));
      out.put("shp file length=" + lie, zip(withInt("shp", 24, lie, false)));
      out.put("dbf rows=" + lie, zip(withInt("dbf", 4, lie, true)));
      Map<String, byte[]> p = parts(2);
      ByteBuffer.wrap(p.get("dbf")).order(ByteOrder.LITTLE_ENDIAN).putShort(8, (short) lie);
      out.put("dbf header length=" + (short) lie, zip(p));
      p = parts(2);
      ByteBuffer.wrap(p.get("dbf")).order(ByteOrder.LITTLE_ENDIAN).putShort(10, (short) lie);
      out.put("dbf record length=" + (short) lie, zip(p));
    }
    out.put("record type=3", zip(withInt("shp", 100 + 8, 3, true)));
    out.put("file type=8", zip(withInt("shp", 32, 8, true)));
    Map<String, byte[]> p = parts(2);
    ByteBuffer.wrap(p.get("shp")).order(ByteOrder.LITTLE_ENDIAN)
        .putDouble(100 + 8 + 48 + 4 * 16, 113.9);
    out.put("unclosed ring", zip(p));
    p = parts(2);
    Map<String, byte[]> one = parts(1);
    p.put("shp", one.get("shp"));
    p.put("shx", one.get("shx"));
    out.put("more rows than shapes", zip(p));
    p = parts(2);
    p.put("dbf", parts(1).get("dbf"));
    out.put("more shapes than rows", zip(p));
    // Bit flips in the fields readers trust (not the bounding boxes or record numbers, which a
    // reader may ignore).
    int[][] fields = {{0, 4}, {24, 4}, {32, 4}, {104, 4}, {108, 4}, {144, 4}, {148, 4}, {152, 4}};
    for (int k = 0; k < 24; k++) {
      int[] f = fields[rnd.nextInt(fields.length)];
      int at = f[0] + rnd.nextInt(f[1]);
      p = parts(2);
      p.get("shp")[at] ^= (byte) (1 << rnd.nextInt(8));
      out.put("flip .shp@" + at + "#" + k, zip(p));
    }
    for (int k = 0; k < 8; k++) {
      int at = 4 + rnd.nextInt(8);
      p = parts(2);
      p.get("dbf")[at] ^= (byte) (1 << rnd.nextInt(8));
      out.put("flip .dbf@" + at + "#" + k, zip(p));
    }
    for (String missing : List.of("shp", "shx", "dbf")) {
      p = parts(2);
      p.remove(missing);
      out.put("no ." + missing, zip(p));
    }
    p = parts(2);
    p.put("other.shp", parts(2).get("shp"));
    out.put("two .shp", zip(p));
    p = parts(2);
    p.put("prj", ("PROJCS[\"nothing\"]" + " ".repeat(70_000)).getBytes(StandardCharsets.US_ASCII));
    out.put("huge .prj", zip(p));
    Map<String, byte[]> crowd = new LinkedHashMap<>(parts(2));
    for (int i = 0; i < 70; i++) {
      crowd.put("extra" + i + ".txt", new byte[] {1});
    }
    out.put("70 members", zip(crowd));
    byte[] good = zip(parts(2));
    int cut = 60 + rnd.nextInt(good.length / 2);
    out.put("truncated zip@" + cut, Arrays.copyOf(good, cut));
    byte[] junk = new byte[2000];
    rnd.nextBytes(junk);
    out.put("random bytes", junk);
    out.put("empty body", new byte[0]);
    out.put("zip bomb", bomb());
    return out;
  }

  private static Map<String, byte[]> withInt(String part, int at, int value, boolean little) {
    Map<String, byte[]> p = parts(2);
    ByteBuffer.wrap(p.get(part)).order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN)
        .putInt(at, value);
    return p;
  }

  /** The seed's parts plus a 400 MB member of zeros, which packs into about 400 KB. */
  static synchronized byte[] bomb() {
    if (bomb == null) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream z = new ZipOutputStream(out)) {
        for (Map.Entry<String, byte[]> e : parts(2).entrySet()) {
          if (!e.getKey().equals("shp")) {
            z.putNextEntry(new ZipEntry("fuzz." + e.getKey()));
            z.write(e.getValue());
            z.closeEntry();
          }
        }
        z.putNextEntry(new ZipEntry("fuzz.shp"));
        byte[] zeros = new byte[1 << 20];
        for (int i = 0; i < 400; i++) {
          z.write(zeros);
        }
        z.closeEntry();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bomb = out.toByteArray();
    }
    return bomb;
  }
}
