package org.jointworks.surveys;

import java.util.Locale;
import java.util.Map;

/**
 * The words surveyors write in the coded columns of CJJ 61 tables, and the layers' codes they
 * stand for: utilities (管线类别 给水, 燃气 … and their two-letter codes JS, RQ …),
 * appurtenances (附属物 阀门, 检查井, 消火栓 …), laying (埋设方式 直埋, 管沟 …) and gas pressure
 * classes (低压, 中压B …). A value that is already a code, or that no word names, is passed on
 * unchanged, and the layer's vocabulary check then names it in a row error. Immutable.
 */
final class SurveyVocabulary {
  private static final Map<String, String> UTILITY = Map.ofEntries(
      Map.entry("给水", "water_supply"), Map.entry("供水", "water_supply"),
      Map.entry("上水", "water_supply"), Map.entry("js", "water_supply"),
      Map.entry("排水", "drainage"), Map.entry("雨水", "drainage"), Map.entry("污水", "drainage"),
      Map.entry("雨污合流", "drainage"), Map.entry("ps", "drainage"), Map.entry("ys", "drainage"),
      Map.entry("ws", "drainage"),
      Map.entry("燃气", "gas"), Map.entry("煤气", "gas"), Map.entry("天然气", "gas"),
      Map.entry("rq", "gas"),
      Map.entry("热力", "heating"), Map.entry("供热", "heating"), Map.entry("rl", "heating"),
      Map.entry("电力", "power"), Map.entry("供电", "power"), Map.entry("dl", "power"),
      Map.entry("通信", "telecom"), Map.entry("电信", "telecom"), Map.entry("通讯", "telecom"),
      Map.entry("tx", "telecom"));
  private static final Map<String, String> APPURTENANCE = Map.ofEntries(
      Map.entry("阀门", "valve"), Map.entry("阀门井", "valve_chamber"),
      Map.entry("检查井", "manhole"), Map.entry("窨井", "manhole"), Map.entry("人孔", "manhole"),
      Map.entry("消火栓", "hydrant"), Map.entry("消防栓", "hydrant"),
      Map.entry("水表", "water_meter"), Map.entry("水表井", "water_meter"),
      Map.entry("排气阀", "air_valve"), Map.entry("排污阀", "drain_valve"),
      Map.entry("泄水阀", "drain_valve"), Map.entry("凝水缸", "condensate_trap"),
      Map.entry("凝水井", "condensate_trap"), Map.entry("调压箱", "pressure_regulator"),
      Map.entry("调压站", "pressure_regulator"), Map.entry("雨水篦", "gully"),
      Map.entry("雨水口", "gully"), Map.entry("雨篦", "gully"), Map.entry("出水口", "outfall"),
      Map.entry("排放口", "outfall"), Map.entry("手孔", "hand_hole"),
      Map.entry("接线箱", "junction_box"), Map.entry("交接箱", "junction_box"),
      Map.entry("变压器", "transformer"), Map.entry("箱变", "transformer"));
  private static final Map<String, String> LAYING = Map.of("直埋", "direct_buried",
      "管沟", "duct", "管块", "duct", "套管", "duct", "排管", "duct", "沟道", "duct");
  private static final Map<String, String> PRESSURE = Map.of("低压", "low", "中压b", "medium_b",
      "中压a", "medium_a", "次高压b", "sub_high_b", "次高压a", "sub_high_a", "高压b", "high_b",
      "高压a", "high_a");

  private SurveyVocabulary() {}

  /** The code for {@code value} of survey field {@code field}, or {@code value} itself. */
  static String code(String field, String value) {
    Map<String, String> words = switch (field) {
      case "utility" -> UTILITY;
      case "appurtenance" -> APPURTENANCE;
      case "laying" -> LAYING;
      case "pressure_class" -> PRESSURE;
      default -> Map.of();
    };
    String key = value.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    return words.getOrDefault(key, value);
  }
}
