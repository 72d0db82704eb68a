package org.jointworks.fuzz;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Hostile GeoPackages made from a valid one (truncated anywhere, a header whose page count,
 * page size, magic or encoding lies, bit flips in the header fields SQLite trusts, not a
 * database at all) and hostile CSVs made from a valid one (a line over the limit, a cut inside
 * the geometry, numbers no field can hold, wrong types, geometries outside lon/lat or over the
 * vertex limit, broken quoting).
 */
final class FileMutations {
  private FileMutations() {}

  static Map<String, byte[]> geoPackages(byte[] seed, Random rnd) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (int k = 0; k < 12; k++) {
      int cut = rnd.nextInt(seed.length);
      out.put("truncate@" + cut, Arrays.copyOf(seed, cut));
    }
    int pageSize = Short.toUnsignedInt(ByteBuffer.wrap(seed).getShort(16));
    int pages = ByteBuffer.wrap(seed).getInt(28);
    for (int lie : new int[] {pages + 1, pages * 2, Integer.MAX_VALUE, -1, pages - 1, 0}) {
      byte[] b = seed.clone();
      ByteBuffer.wrap(b).putInt(28, lie);
      out.put("pages=" + lie, b);
    }
    for (int lie : new int[] {pageSize / 2, pageSize * 2, 300, 0, 1}) {
      byte[] b = seed.clone();
      ByteBuffer.wrap(b).putShort(16, (short) lie);
      out.put("page size=" + lie, b);
    }
    int[] trusted = {0, 1, 2, 3, 7, 15, 16, 17, 18, 19, 21, 22, 23, 28, 29, 30, 31, 56, 57, 58};
    for (int k = 0; k < 20; k++) {
      int at = trusted[rnd.nextInt(trusted.length)];
      byte[] b = seed.clone();
      b[at] ^= (byte) (1 << rnd.nextInt(8));
      out.put("flip@" + at + "#" + k, b);
    }
    byte[] junk = new byte[8192];
    rnd.nextBytes(junk);
    out.put("random bytes", junk);
    byte[] fake = junk.clone();
    System.arraycopy("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII), 0, fake, 0, 16);
    out.put("random after magic", fake);
    out.put("empty body", new byte[0]);
    out.put("zip instead", ShapefileSeed.zip(ShapefileSeed.parts(1)));
    return out;
  }

  static final String CSV_HEADER = "wkt,name,district,households,buildings,floor_area_m2\n";

  static String csvRow(int i, String wkt, String households, String area) {
    return "\"" + wkt + "\",Fuzz" + i + ",weibin," + households + ",3," + area + "\n";
  }

  static String square(double x, double y) {
    return String.format(java.util.Locale.ROOT, "POLYGON ((%s %s, %s %s, %s %s, %s %s, %s %s))",
        x, y, x + 0.002, y, x + 0.002, y + 0.002, x, y + 0.002, x, y);
  }

  static String csvSeed() {
    return CSV_HEADER + csvRow(0, square(113.80, 35.30), "100", "12000.5")
        + csvRow(1, square(113.81, 35.30), "120", "13000");
  }

  /** Named hostile CSV bodies with the query each goes with (the default one when null). */
  static Map<String, String[]> csvs(Random rnd, boolean big) {
    Map<String, String[]> out = new LinkedHashMap<>();
    String seed = csvSeed();
    String last = csvRow(1, square(113.81, 35.30), "120", "13000");
    int lastAt = seed.indexOf(last);
    for (int k = 0; k < 6; k++) {
      int cut = lastAt + 2 + rnd.nextInt(square(113.81, 35.30).length() - 4);
      out.put("cut in the geometry@" + cut, new String[] {seed.substring(0, cut), null});
    }
    String first = CSV_HEADER + csvRow(0, square(113.80, 35.30), "100", "12000.5");
    for (String h : new String[] {"1e308", "-5", "abc", "1.5", "99999999999999999999",
        "1.0e308", "Infinity", "NaN", "{}"}) {
      out.put("households=" + h, new String[] {first + csvRow(1, square(113.81, 35.3), h,
          "13000"), null});
    }
    for (String a : new String[] {"1.0e308", "-1.5", "abc", "NaN", "Infinity", "1e999"}) {
      out.put("floor_area_m2=" + a, new String[] {first + csvRow(1, square(113.81, 35.3),
          "120", a), null});
    }
    for (String w : new String[] {"POINT (113.8 35.3)", "POLYGON ((0 0, 1 1))",
        "POLYGON ((113.8 91, 113.81 91, 113.81 91.1, 113.8 91))", "garbage",
        "POLYGON ((113.8 35.3, 113.81 35.3, 113.81 35.31, 113.8 35.31, 113.8 35.33))",
        "POLYGON ((NaN 35.3, 113.81 35.3, 113.81 35.31, NaN 35.3))",
        "POLYGON ((113.8 35.3, 113.81 35.31, 113.81 35.3, 113.8 35.31, 113.8 35.3))",
        "POLYGON ((1e400 35.3, 113.81 35.3, 113.81 35.31, 1e400 35.3))"}) {
      out.put("wkt=" + w, new String[] {first + csvRow(1, w, "120", "13000"), null});
    }
    out.put("open quote", new String[] {first + "\"" + csvRow(1, square(113.81, 35.3), "120",
        "13000").substring(1).replace("\"", ""), null});
    String q = "?layer=communities&wkt=wkt";
    out.put("no such column", new String[] {seed, "?layer=communities&wkt=geometry"});
    out.put("no geometry named", new String[] {seed, "?layer=communities"});
    out.put("srid 99999", new String[] {seed, q + "&srid=99999"});
    out.put("srid abc", new String[] {seed, q + "&srid=abc"});
    out.put("unknown encoding", new String[] {seed, q + "&encoding=no-such-charset"});
    out.put("unknown layer", new String[] {seed, "?layer=parks&wkt=wkt"});
    out.put("bad mapping", new String[] {seed, q + "&mapping=%7B%22name%22%3A%5B%5D%7D"});
    out.put("lon only", new String[] {"lon,name\n113.8,x\n", "?layer=facilities&lon=lon"});
    out.put("lat 91", new String[] {"lon,lat,kind,name\n113.8,91,clinic,x\n",
        "?layer=facilities&lon=lon&lat=lat"});
    out.put("lon NaN", new String[] {"lon,lat,kind,name\nNaN,35.3,clinic,x\n",
        "?layer=facilities&lon=lon&lat=lat"});
    out.put("lat empty", new String[] {"lon,lat,kind,name\n113.8,,clinic,x\n",
        "?layer=facilities&lon=lon&lat=lat"});
    if (big) {
      StringBuilder w = new StringBuilder("POLYGON ((");
      for (int i = 0; i < 100_001; i++) {
        double a = i == 100_000 ? 0 : 2 * Math.PI * i / 100_000;
        w.append(i == 0 ? "" : ", ").append(113.85 + 0.01 * Math.cos(a)).append(' ')
            .append(35.3 + 0.01 * Math.sin(a));
      }
      out.put("100,001 vertices", new String[] {first + csvRow(1, w + "))", "120", "13000"),
          null});
      out.put("one 9 MB line", new String[] {CSV_HEADER + "x".repeat(9 * 1024 * 1024), null});
    }
    return out;
  }
}
