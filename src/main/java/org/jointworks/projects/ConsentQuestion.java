package org.jointworks.projects;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What residents are asked before construction (the plan's section 三(二)). */
public enum ConsentQuestion {
  /** The renovation scheme (改造方案). */
  SCHEME,
  /** The property-management model (物业管理模式). */
  PROPERTY_MANAGEMENT;

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ConsentQuestion> byCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
  }
}
