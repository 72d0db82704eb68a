package org.jointworks.projects;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The national classes of renovation content (国办发〔2020〕23号): basic 基础类 (utilities and the
 * buildings' common parts), improvement 完善类 (environment and amenities), upgrade 提升类
 * (public services).
 */
public enum ContentClass {
  BASIC("基础类"), IMPROVEMENT("完善类"), UPGRADE("提升类");

  private final String nameZh;

  ContentClass(String nameZh) {
    this.nameZh = nameZh;
  }

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String nameZh() {
    return nameZh;
  }

  static ContentClass of(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
