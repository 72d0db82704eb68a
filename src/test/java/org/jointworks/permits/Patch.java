package org.jointworks.permits;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A patch of the map of its own for one test (tests sharing a store never meet), with works
 * placed in metres from its origin by a local scale good to millimetres over a kilometre.
 */
final class Patch {
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final double M_PER_DEG_LON = 90_860;
  private static final double M_PER_DEG_LAT = 110_950;

  final double lon0;
  final double lat0;

  Patch() {
    int n = SEQ.incrementAndGet();
    lon0 = 113.60 + (n % 40) * 0.02;
    lat0 = 34.90 + (n / 40) * 0.02;
  }

  double lon(double x) {
    return lon0 + x / M_PER_DEG_LON;
  }

  double lat(double y) {
    return lat0 + y / M_PER_DEG_LAT;
  }

  String line(double x0, double y0, double x1, double y1) {
    return String.format(Locale.ROOT,
        "{\"type\":\"LineString\",\"coordinates\":[[%.9f,%.9f],[%.9f,%.9f]]}",
        lon(x0), lat(y0), lon(x1), lat(y1));
  }

  /** A works Feature; {@code status} null leaves it out (a new work is a draft). */
  static String work(String geometry, String utility, String owner, String status, String start,
      String end) {
    return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":{\"utility\":\""
        + utility + "\",\"owner\":\"" + owner + "\",\"kind\":\"replace\",\"start_date\":\""
        + start + "\",\"end_date\":\"" + end + "\",\"trench_width_m\":0.8"
        + (status == null ? "" : ",\"status\":\"" + status + "\"") + "}}";
  }
}
