package org.jointworks.projects;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a project's money comes from (the plan's section 四(三)). */
public enum FundingSource {
  CENTRAL_SUBSIDY("中央补助资金"),
  PROVINCIAL_SUBSIDY("省级补助资金"),
  SPECIAL_BONDS("专项债券"),
  BANK_CREDIT("银行信贷"),
  UTILITY_COMPANIES("专营单位出资"),
  RESIDENTS("居民出资"),
  SOCIAL_CAPITAL("社会资本");

  private final String nameZh;

  FundingSource(String nameZh) {
    this.nameZh = nameZh;
  }

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String nameZh() {
    return nameZh;
  }

  public static Optional<FundingSource> byCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
  }
}
