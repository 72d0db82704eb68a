package org.jointworks.notifications.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * One SMTP conversation (RFC 5321) that sends one UTF-8 plain-text message: HELO, MAIL, RCPT,
 * DATA, QUIT. The body is base64 encoded (76-character lines), so no line starts with a dot and
 * no dot-stuffing is needed; the subject is an RFC 2047 encoded word. Addresses were checked
 * (no CR, LF or angle brackets) before they reach here. Plain SMTP only (see
 * {@link MailProperties#host}). Stateless; thread-safe.
 */
final class SmtpClient {
  private final MailProperties settings;

  SmtpClient(MailProperties settings) {
    this.settings = settings;
  }

  /** Sends; throws with the server's reply when any step is refused or the line fails. */
  void send(String to, String subject, String body) throws IOException {
    int timeout = (int) settings.timeout().toMillis();
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(settings.host(), settings.port()), timeout);
      s.setSoTimeout(timeout);
      BufferedReader in = new BufferedReader(
          new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = s.getOutputStream();
      expect(in, 220);
      command(out, in, "HELO jointworks", 250);
      command(out, in, "MAIL FROM:<" + settings.from() + ">", 250);
      command(out, in, "RCPT TO:<" + to + ">", 250);
      command(out, in, "DATA", 354);
      write(out, message(to, subject, body) + ".\r\n");
      expect(in, 250);
      command(out, in, "QUIT", 221);
    }
  }

  private String message(String to, String subject, String body) {
    String encoded = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(body.getBytes(StandardCharsets.UTF_8));
    return "From: <" + settings.from() + ">\r\n"
        + "To: <" + to + ">\r\n"
        + "Subject: =?UTF-8?B?" + Base64.getEncoder().encodeToString(
            subject.getBytes(StandardCharsets.UTF_8)) + "?=\r\n"
        + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now()) + "\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n"
        + "Content-Transfer-Encoding: base64\r\n"
        + "\r\n" + encoded + "\r\n";
  }

  private static void command(OutputStream out, BufferedReader in, String line, int code)
      throws IOException {
    write(out, line + "\r\n");
    expect(in, code);
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads a (possibly multi-line) reply and checks its code. */
  private static void expect(BufferedReader in, int code) throws IOException {
    String line;
    do {
      line = in.readLine();
      if (line == null) {
        throw new IOException("the SMTP server closed the connection");
      }
    } while (line.length() > 3 && line.charAt(3) == '-');
    if (!line.startsWith(Integer.toString(code))) {
      throw new IOException("SMTP: expected " + code + ", got '" + line + "'");
    }
  }
}
