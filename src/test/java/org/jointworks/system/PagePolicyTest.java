package org.jointworks.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jointworks.map.MapProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The CSP's image source for the configured basemap: its host only, templated labels widened. */
class PagePolicyTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&tk=KEY | https://*.tianditu.gov.cn",
      "https://tile.openstreetmap.org/{z}/{x}/{y}.png | https://tile.openstreetmap.org",
      "http://127.0.0.1:8081/tiles/{z}/{x}/{y} | http://127.0.0.1:8081",
      "https://{s}.tiles.example.org/{z}/{x}/{y}.png#x | https://*.tiles.example.org"})
  void theBasemapHostIsAllowedForImages(String template, String source) {
    assertThat(PagePolicy.basemapSource(template)).isEqualTo(source);
    String csp = PagePolicy.contentSecurityPolicy(new MapProperties(template, "", 114, 35, 10, ""));
    assertThat(csp).contains("img-src 'self' data: " + source + ";");
  }

  @Test
  void noBasemapAddsNoHost() {
    assertThat(PagePolicy.contentSecurityPolicy(new MapProperties("", "", 114, 35, 10, "")))
        .contains("img-src 'self' data:;");
  }

  @Test
  void aHostThatWouldWidenThePolicyIsRefused() {
    assertThatThrownBy(() -> PagePolicy.basemapSource("https://a.example.org;script-src *"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
