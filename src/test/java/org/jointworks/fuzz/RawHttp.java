package org.jointworks.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * A GET written byte for byte on a socket, for request lines no HTTP client library will send
 * (a malformed percent-escape). HTTP/1.0, so the answer is neither chunked nor kept alive.
 */
final class RawHttp {
  private RawHttp() {}

  /** {status, content type, body}. */
  static String[] get(int port, String target, String user) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(60_000);
      OutputStream out = s.getOutputStream();
      String auth = Base64.getEncoder().encodeToString((user + ":demo").getBytes(
          StandardCharsets.UTF_8));
      out.write(("GET " + target + " HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + auth
          + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int end = all.indexOf("\r\n\r\n");
      String head = end < 0 ? all : all.substring(0, end);
      String body = end < 0 ? "" : all.substring(end + 4);
      String status = head.split(" ", 3)[1];
      String type = "";
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
          type = line.substring(13).trim();
        }
      }
      return new String[] {status, type, body};
    }
  }
}
