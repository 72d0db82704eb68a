package org.jointworks.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  /**
   * The answer, the HTTP exchange's seconds — curl's own {@code time_total}, from its connection
   * to the answer's last byte, the body already read into curl's memory — and the seconds since
   * the call, which add curl's start-up and its read of the file (0.05–0.35 s for a 52 MB body on
   * the 2-core machine). The service is timed by the first: PostgreSQL's reference load is timed
   * with its rows already in memory too.
   */
  record Timed(Http.Response response, double exchangeSeconds, double wallSeconds) {}

  static Timed timed(SessionClient admin, int port, String path, Path file) throws Exception {
    String csrf = admin.csrfToken();
    Path answer = Files.createTempFile("import-answer", ".json");
    long t0 = System.nanoTime();
    try {
      String[] out = curl("-s", "-o", answer.toString(), "-w", "%{http_code} %{time_total}",
          "-X", "POST", "-H", "Content-Type: application/geo+json", "-H", "Expect:",
          "-H", "X-XSRF-TOKEN: " + csrf, "-H", "Cookie: " + admin.cookieHeader(),
          "--data-binary", "@" + file, "http://127.0.0.1:" + port + path);
      if (out != null) {
        double wall = (System.nanoTime() - t0) / 1e9;
        return new Timed(new Http.Response(Integer.parseInt(out[0]),
            Files.readString(answer, StandardCharsets.UTF_8), null), seconds(out[1]), wall);
      }
    } finally {
      Files.deleteIfExists(answer);
    }
    t0 = System.nanoTime();
    Http.Response r = admin.send(admin.builder(path).header("Content-Type",
        "application/geo+json").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofFile(file)));
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Timed(r, seconds, seconds);
  }

  /**
   * Runs curl with {@code args}; what its {@code -w} format printed, split at spaces, or null
   * when curl is not installed or failed (the caller then uses Java's client).
   */
  static String[] curl(String... args) throws InterruptedException {
    List<String> command = new ArrayList<>(List.of("curl"));
    command.addAll(List.of(args));
    try {
      Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
      String said = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return curl.waitFor() == 0 ? said.trim().split(" ") : null;
    } catch (IOException noCurl) {
      return null;
    }
  }

  /** curl's seconds ({@code time_total}) as a number, whatever the locale's decimal mark. */
  static double seconds(String curlSeconds) {
    return Double.parseDouble(curlSeconds.replace(',', '.'));
  }

  /** The seconds since the call, worded for a benchmark's note. */
  static String withClient(double wallSeconds) {
    return String.format(Locale.ROOT, "%.2f s with curl's start-up and file read", wallSeconds);
  }
}
