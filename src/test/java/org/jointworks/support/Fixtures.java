package org.jointworks.support;

import java.util.Locale;

/** Small GeoJSON fixtures near Xinxiang's Weibin district, built by the tests themselves. */
public final class Fixtures {
  private Fixtures() {}

  /** A square community of about {@code sizeDeg * 100 km} on a side at (lon, lat). */
  public static String community(String name, String district, double lon, double lat,
      double sizeDeg, long households) {
    return String.format(Locale.ROOT, """
        {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]},
         "properties":{"name":"%s","district":"%s","households":%d,"buildings":3,"floor_area_m2":12000.5,"build_year":1992}}""",
        lon, lat, lon + sizeDeg, lat, lon + sizeDeg, lat + sizeDeg, lon, lat + sizeDeg, lon, lat,
        name, district, households);
  }

  /** A works line along a street, owned by the utility of the same code. */
  public static String work(String utility, double lon, double lat, String start, String end) {
    return String.format(Locale.ROOT, """
        {"type":"Feature","geometry":{"type":"LineString","coordinates":[[%s,%s],[%s,%s]]},
         "properties":{"utility":"%s","owner":"%s","kind":"replace","start_date":"%s","end_date":"%s","trench_width_m":0.8,"status":"approved"}}""",
        lon, lat, lon + 0.002, lat, utility, utility, start, end);
  }

  /**
   * The same feature as a draft: a utility's own writes store drafts only; the permit steps move
   * a work on (docs/permits.md).
   */
  public static String draft(String work) {
    return work.replace("\"status\":\"approved\"", "\"status\":\"draft\"");
  }

  public static String pipeline(String utility, double lon, double lat) {
    return String.format(Locale.ROOT, """
        {"type":"Feature","geometry":{"type":"LineString","coordinates":[[%s,%s],[%s,%s]]},
         "properties":{"utility":"%s","owner":"%s","material":"PE","diameter_mm":200,"depth_m":1.2,"year_built":1995}}""",
        lon, lat, lon + 0.003, lat, utility, utility);
  }

  public static String collection(String... features) {
    return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
  }
}
