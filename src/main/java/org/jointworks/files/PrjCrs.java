package org.jointworks.files;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The EPSG code of a Shapefile's {@code .prj} (ESRI WKT1). An EPSG authority, when the file has
 * one, decides; otherwise the CGCS2000 Gauss-Kruger zones that ArcGIS and Chinese CAD exports
 * name only by projection parameters are recognised from the central meridian and the false
 * easting: 3-degree zones CM 75E..135E are EPSG:4534..4554 (with the zone number in the false
 * easting, zones 25..45, EPSG:4513..4533); 6-degree zones are EPSG:4502..4512 (zones 13..23,
 * EPSG:4491..4501). Geographic CGCS2000 is EPSG:4490, WGS 84 EPSG:4326, Web Mercator EPSG:3857.
 * Stateless.
 */
public final class PrjCrs {
  private static final Pattern AUTHORITY =
      Pattern.compile("AUTHORITY\\[\"EPSG\",\\s*\"?(\\d+)\"?\\]\\s*\\]\\s*$");
  private static final Pattern PARAM =
      Pattern.compile("PARAMETER\\[\"([^\"]+)\",\\s*([-0-9.eE+]+)\\]");

  private PrjCrs() {}

  public static OptionalInt epsgOf(String wkt) {
    String w = wkt.trim();
    Matcher a = AUTHORITY.matcher(w);
    if (a.find()) {
      return OptionalInt.of(Integer.parseInt(a.group(1)));
    }
    String upper = w.toUpperCase(Locale.ROOT);
    boolean cgcs = upper.contains("CGCS") || upper.contains("CHINA_2000")
        || upper.contains("CHINA 2000") || upper.contains("CHINA GEODETIC COORDINATE SYSTEM 2000");
    if (upper.startsWith("PROJCS")) {
      if (upper.contains("MERCATOR_AUXILIARY_SPHERE") || upper.contains("PSEUDO-MERCATOR")
          || upper.contains("PSEUDO_MERCATOR")) {
        return OptionalInt.of(3857);
      }
      if (!cgcs || !(upper.contains("GAUSS") || upper.contains("TRANSVERSE_MERCATOR")
          || upper.contains("TRANSVERSE MERCATOR"))) {
        return OptionalInt.empty();
      }
      Double cm = null;
      Double fe = null;
      Matcher p = PARAM.matcher(w);
      while (p.find()) {
        String name = p.group(1).toLowerCase(Locale.ROOT);
        double v = Double.parseDouble(p.group(2));
        if (name.contains("central_meridian") || name.contains("longitude_of_center")) {
          cm = v;
        } else if (name.contains("false_easting")) {
          fe = v;
        }
      }
      if (cm == null || fe == null || cm != Math.rint(cm)) {
        return OptionalInt.empty();
      }
      int meridian = cm.intValue();
      boolean sixDegree = upper.contains("6_DEGREE") || upper.contains("6-DEGREE")
          || (!upper.contains("3_DEGREE") && !upper.contains("3-DEGREE")
              && (meridian + 3) % 6 == 0 && fe > 1_000_000 && fe < 24_000_000);
      if (fe == 500_000) {
        if (sixDegree && (meridian + 3) % 6 == 0 && meridian >= 75 && meridian <= 135) {
          return OptionalInt.of(4502 + (meridian - 75) / 6);
        }
        if (meridian % 3 == 0 && meridian >= 75 && meridian <= 135) {
          return OptionalInt.of(4534 + (meridian - 75) / 3);
        }
        return OptionalInt.empty();
      }
      int zone = (int) Math.floor(fe / 1_000_000);
      if (fe - zone * 1_000_000 != 500_000) {
        return OptionalInt.empty();
      }
      if (sixDegree && zone >= 13 && zone <= 23) {
        return OptionalInt.of(4491 + zone - 13);
      }
      if (zone >= 25 && zone <= 45 && zone * 3 == meridian) {
        return OptionalInt.of(4513 + zone - 25);
      }
      return OptionalInt.empty();
    }
    if (upper.startsWith("GEOGCS")) {
      if (cgcs) {
        return OptionalInt.of(4490);
      }
      if (upper.contains("WGS_1984") || upper.contains("WGS 84") || upper.contains("WGS84")) {
        return OptionalInt.of(4326);
      }
    }
    return OptionalInt.empty();
  }
}
