package org.jointworks.sample;

import java.util.Map;

/**
 * What a citizen reads about a sample work besides its place and dates: the street it is dug in,
 * how much of that street it closes, and whom to call. Derived from the work's stretch and kind
 * without drawing from the generator's random streams, so adding them moved no geometry or date.
 */
final class WorkDetails {
  /**
   * Public hotlines per utility, marked as sample data: the real nationwide service numbers of the
   * power grid (95598) and the telecom operator (10000); for the others the city's public service
   * hotline 12345, which passes calls to the utility (no utility's own number is invented).
   */
  private static final Map<Utility, String> CONTACTS = Map.of(
      Utility.WATER_SUPPLY, "12345 市民服务热线（转供水，示例数据）",
      Utility.DRAINAGE, "12345 市民服务热线（转排水，示例数据）",
      Utility.GAS, "12345 市民服务热线（转燃气，示例数据）",
      Utility.HEATING, "12345 市民服务热线（转热力，示例数据）",
      Utility.POWER, "95598 供电服务热线（示例数据）",
      Utility.TELECOM, "10000 通信服务热线（示例数据）");

  /** Streets at least this wide keep a lane open beside a trench. */
  static final double KEEPS_A_LANE_M = 12;
  /** Streets at least this wide take a repair pit in the parking lane without closing a lane. */
  static final double TAKES_A_PIT_M = 15;

  private WorkDetails() {}

  /**
   * The name of the street a stretch lies on, as {@link DistrictEmitter#streets()} names it:
   * east-west streets are 路 numbered from the south, north-south streets 街 from the west.
   */
  static String street(DistrictTarget target, boolean horizontal, int line) {
    return target.shortName() + (horizontal ? "示例路" : "示例街") + (line + 1);
  }

  /** none, partial_closure or full_closure (the works layer's traffic_impact values). */
  static String trafficImpact(String kind, double streetWidthM) {
    if ("repair".equals(kind)) {
      return streetWidthM >= TAKES_A_PIT_M ? "none" : "partial_closure";
    }
    return streetWidthM >= KEEPS_A_LANE_M ? "partial_closure" : "full_closure";
  }

  static String contact(Utility utility) {
    return CONTACTS.get(utility);
  }
}
