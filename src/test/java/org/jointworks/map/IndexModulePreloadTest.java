package org.jointworks.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The map page preloads every module its entry scripts import statically (decision 95): a module
 * left out is fetched only once its importer has come, one round trip deeper, and a stale entry
 * is a wasted request.
 */
class IndexModulePreloadTest {
  private static final Path JS = Path.of("web", "js");
  private static final Pattern IMPORT = Pattern.compile(
      "^import[^'\"]*['\"](\\./[^'\"]+|\\.\\./[^'\"]+)['\"]", Pattern.MULTILINE);
  private static final Pattern PRELOAD = Pattern.compile(
      "<link rel=\"modulepreload\" href=\"/js/([^\"]+)\">");

  @Test
  void theMapPagePreloadsExactlyTheModulesItsScriptsImport() throws IOException {
    Set<String> imported = new TreeSet<>();
    Deque<Path> todo = new ArrayDeque<>();
    todo.add(JS.resolve("app.js"));
    todo.add(JS.resolve("inbox.js"));
    while (!todo.isEmpty()) {
      Path module = todo.pop();
      Matcher m = IMPORT.matcher(Files.readString(module));
      while (m.find()) {
        Path dep = module.getParent().resolve(m.group(1)).normalize();
        if (imported.add(JS.relativize(dep).toString().replace('\\', '/'))) {
          todo.add(dep);
        }
      }
    }
    Set<String> preloaded = new TreeSet<>();
    Matcher m = PRELOAD.matcher(Files.readString(Path.of("web", "index.html")));
    while (m.find()) {
      preloaded.add(m.group(1));
    }
    assertThat(imported).isNotEmpty();
    assertThat(preloaded).isEqualTo(imported);
  }
}
