package org.jointworks.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request as raw bytes, for what an HTTP client would normalise or refuse to send (an
 * encoded slash, a quote in the path), and returns the raw answer (head and body).
 */
final class RawHttp {
  private RawHttp() {}

  static String send(int port, String requestLine) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write((requestLine + "\r\nHost: 127.0.0.1\r\nAccept: */*\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static int status(String answer) {
    return Integer.parseInt(answer.substring(9, 12));
  }

  static String body(String answer) {
    int i = answer.indexOf("\r\n\r\n");
    String body = i < 0 ? "" : answer.substring(i + 4);
    // A chunked body: keep the JSON between the first '{' and the last '}'.
    int start = body.indexOf('{');
    int end = body.lastIndexOf('}');
    return start >= 0 && end > start ? body.substring(start, end + 1) : body;
  }

  static String header(String answer, String name) {
    for (String line : answer.split("\r\n")) {
      if (line.isEmpty()) {
        break;
      }
      if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
        return line.substring(name.length() + 1).trim();
      }
    }
    return null;
  }
}
