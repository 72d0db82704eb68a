package org.jointworks.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jointworks.support.Http;
import org.jointworks.support.SessionClient;

/**
 * POSTs a GeoJSON file to an import route as the signed-in user: with {@code curl} when the
 * machine has it, as a user's client is another process (an HTTP client in the benchmark's JVM
 * takes the JIT and the CPU the service needs, on 2 cores: 3–4 CPU-s of a 1,000,000-work import
 * in {@code FirstAnswerBenchmark}); else with Java's client.
 */
final class CurlPost {
  private CurlPost() {}

  static Http.Response post(SessionClient admin, int port, String path, Path file)
      throws Exception {
    String csrf = admin.csrfToken();
    Path answer = Files.createTempFile("import-answer", ".json");
    try {
      Process curl = new ProcessBuilder("curl", "-s", "-o", answer.toString(), "-w",
          "%{http_code}", "-X", "POST", "-H", "Content-Type: application/geo+json", "-H",
          "Expect:", "-H", "X-XSRF-TOKEN: " + csrf, "-H", "Cookie: " + admin.cookieHeader(),
          "--data-binary", "@" + file, "http://127.0.0.1:" + port + path)
          .redirectErrorStream(true).start();
      String status = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (curl.waitFor() == 0) {
        return new Http.Response(Integer.parseInt(status.trim()),
            Files.readString(answer, StandardCharsets.UTF_8), null);
      }
    } catch (IOException noCurl) {
      // Java's client below
    } finally {
      Files.deleteIfExists(answer);
    }
    return admin.send(admin.builder(path).header("Content-Type", "application/geo+json")
        .header("X-XSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofFile(file)));
  }
}
