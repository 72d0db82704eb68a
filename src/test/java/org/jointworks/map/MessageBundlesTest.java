package org.jointworks.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Chinese and English bundles hold the same keys, and every key the page uses is in them. */
class MessageBundlesTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void bundlesHaveTheSameKeysAndNoEmptyMessages() throws Exception {
    Set<String> zh = keys("web/i18n/zh-CN.json");
    Set<String> en = keys("web/i18n/en.json");
    assertThat(zh).isEqualTo(en);
    for (String file : new String[] {"web/i18n/zh-CN.json", "web/i18n/en.json"}) {
      JsonNode bundle = JSON.readTree(Path.of(file).toFile());
      bundle.properties().forEach(e ->
          assertThat(e.getValue().asString()).as(file + " " + e.getKey()).isNotBlank());
    }
  }

  @Test
  void everyStaticKeyThePageUsesIsInTheBundles() throws Exception {
    Set<String> known = keys("web/i18n/zh-CN.json");
    Set<String> used = new TreeSet<>();
    Pattern attribute = Pattern.compile("data-i18n(?:-placeholder|-title)?=\"([a-zA-Z0-9_.]+)\"");
    Pattern call = Pattern.compile("\\bt\\('([a-zA-Z0-9_.]+)'");
    try (Stream<Path> files = Files.walk(Path.of("web"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".js"))
          .toList()) {
        String text = Files.readString(p);
        for (Pattern pattern : new Pattern[] {attribute, call}) {
          Matcher m = pattern.matcher(text);
          while (m.find()) {
            used.add(m.group(1));
          }
        }
      }
    }
    assertThat(used).isNotEmpty();
    assertThat(known).containsAll(used);
  }

  private static Set<String> keys(String file) throws Exception {
    return new TreeSet<>(JSON.readTree(Path.of(file).toFile()).propertyNames());
  }
}
