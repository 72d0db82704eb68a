package org.jointworks.coordination;

import java.util.Locale;

/**
 * Works, pipelines and areas placed in metres around an origin near Xinxiang, for the
 * coordination tests. Offsets are converted with a local scale, good to a few millimetres over a
 * kilometre; tests assert distances the engine measures, never these nominal ones exactly.
 */
final class WorksFixtures {
  static final double METRES_PER_DEG_LON = 90_860;
  static final double METRES_PER_DEG_LAT = 110_950;

  private final double lon0;
  private final double lat0;

  WorksFixtures(double lon0, double lat0) {
    this.lon0 = lon0;
    this.lat0 = lat0;
  }

  double lon(double x) {
    return lon0 + x / METRES_PER_DEG_LON;
  }

  double lat(double y) {
    return lat0 + y / METRES_PER_DEG_LAT;
  }

  String line(double x0, double y0, double x1, double y1) {
    return String.format(Locale.ROOT,
        "{\"type\":\"LineString\",\"coordinates\":[[%.9f,%.9f],[%.9f,%.9f]]}",
        lon(x0), lat(y0), lon(x1), lat(y1));
  }

  String rect(double x0, double y0, double x1, double y1) {
    return String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%.9f,%.9f],"
        + "[%.9f,%.9f],[%.9f,%.9f],[%.9f,%.9f],[%.9f,%.9f]]]}", lon(x0), lat(y0), lon(x1), lat(y0),
        lon(x1), lat(y1), lon(x0), lat(y1), lon(x0), lat(y0));
  }

  static String work(String geometry, String utility, String kind, String status, String start,
      String end) {
    return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":{\"utility\":\""
        + utility + "\",\"owner\":\"" + utility + "\",\"kind\":\"" + kind
        + "\",\"start_date\":\"" + start + "\",\"end_date\":\"" + end
        + "\",\"trench_width_m\":0.8,\"status\":\"" + status + "\"}}";
  }

  static String pipeline(String geometry, String utility) {
    return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":{\"utility\":\""
        + utility + "\",\"owner\":\"" + utility
        + "\",\"material\":\"PE\",\"diameter_mm\":200,\"depth_m\":1.2}}";
  }

  static String community(String geometry, String name, String district) {
    return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":{\"name\":\""
        + name + "\",\"district\":\"" + district
        + "\",\"households\":10,\"buildings\":1,\"floor_area_m2\":1000}}";
  }
}
