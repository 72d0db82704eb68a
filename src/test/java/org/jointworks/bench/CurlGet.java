package org.jointworks.bench;

import org.jointworks.support.Http;
import org.jointworks.support.SessionClient;

/**
 * Times a GET of a large answer as a client in a process of its own reads it: with {@code curl}
 * when the machine has it (the answer read and dropped), else with the benchmark's own Java
 * client. Read by Java's client in the service's JVM, the 13 MB adjacency list at 30 m took
 * 0.1–0.4 s more than curl's whole exchange in the same run (the client's decoding and its
 * garbage, on the 2 cores the service answers on), as {@link CurlPost} found for the uploads.
 */
final class CurlGet {
  private CurlGet() {}

  /** The exchange's seconds, curl's {@code time_total}; throws unless the answer is a 200. */
  static double seconds(SessionClient client, int port, String path) throws Exception {
    String[] out = CurlPost.curl("-s", "-o", "/dev/null", "-w",
        "%{http_code} %{time_total} %{size_download}", "-H", "Cookie: " + client.cookieHeader(),
        "http://127.0.0.1:" + port + path);
    if (out != null) {
      if (!out[0].equals("200") || Long.parseLong(out[2]) == 0) {
        throw new IllegalStateException(path + " answered " + String.join(" ", out));
      }
      return CurlPost.seconds(out[1]);
    }
    // No curl: Java's client.
    long t0 = System.nanoTime();
    Http.Response r = client.get(path);
    if (r.status() != 200) {
      throw new IllegalStateException(path + " " + r.status());
    }
    return (System.nanoTime() - t0) / 1e9;
  }
}
