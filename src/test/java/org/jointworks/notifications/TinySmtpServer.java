package org.jointworks.notifications;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMTP server for tests, on 127.0.0.1 and a free port: accepts HELO/EHLO, MAIL, RCPT, DATA,
 * QUIT and keeps every message; {@link #failNext} makes the next sessions refuse MAIL with 451
 * (a relay that is down for a while). Thread-safe.
 */
final class TinySmtpServer implements AutoCloseable {
  /** A received message: its recipient, decoded subject and decoded body. */
  record Received(String to, String subject, String body) {}

  private static final Pattern SUBJECT = Pattern.compile("Subject: =\\?UTF-8\\?B\\?(.*)\\?=");
  private final ServerSocket socket;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failing = new AtomicInteger();
  private final AtomicInteger sessions = new AtomicInteger();

  TinySmtpServer() {
    try {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread t = new Thread(this::serve, "tiny-smtp");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  List<Received> received() {
    return received;
  }

  int sessions() {
    return sessions.get();
  }

  void failNext(int n) {
    failing.set(n);
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket s = socket.accept()) {
        sessions.incrementAndGet();
        session(s);
      } catch (IOException e) {
        // closed, or the client went away: next session
      }
    }
  }

  private void session(Socket s) throws IOException {
    BufferedReader in = new BufferedReader(
        new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
    OutputStream out = s.getOutputStream();
    reply(out, "220 tiny ESMTP");
    String to = null;
    String line;
    while ((line = in.readLine()) != null) {
      String upper = line.toUpperCase();
      if (upper.startsWith("HELO") || upper.startsWith("EHLO")) {
        reply(out, "250 tiny");
      } else if (upper.startsWith("MAIL FROM:")) {
        if (failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          reply(out, "451 try again later");
          return;
        }
        reply(out, "250 ok");
      } else if (upper.startsWith("RCPT TO:")) {
        to = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
        reply(out, "250 ok");
      } else if (upper.equals("DATA")) {
        reply(out, "354 go on");
        StringBuilder data = new StringBuilder();
        String d;
        while ((d = in.readLine()) != null && !d.equals(".")) {
          data.append(d).append('\n');
        }
        received.add(decode(to, data.toString()));
        reply(out, "250 queued");
      } else if (upper.equals("QUIT")) {
        reply(out, "221 bye");
        return;
      } else {
        reply(out, "502 not here");
      }
    }
  }

  private static Received decode(String to, String data) {
    Matcher m = SUBJECT.matcher(data);
    String subject = m.find()
        ? new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8) : "";
    String body64 = data.substring(data.indexOf("\n\n") + 2).replace("\n", "");
    String body = new String(Base64.getDecoder().decode(body64), StandardCharsets.UTF_8);
    return new Received(to, subject, body);
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
