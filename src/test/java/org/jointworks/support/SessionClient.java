package org.jointworks.support;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A browser-like client for tests: keeps cookies, signs in with the form like the page. */
public final class SessionClient {
  final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
  final String base;

  public SessionClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public HttpRequest.Builder builder(String path) {
    return HttpRequest.newBuilder(URI.create(base + path));
  }

  /** Signs in through the form as the page does; returns the answer. */
  public Http.Response signIn(String user, String password) {
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return send(builder("/login").header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Requested-With", "XMLHttpRequest")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** Every cookie held, as a {@code Cookie} header's value (for a client outside this JVM). */
  public String cookieHeader() {
    return cookies.getCookieStore().getCookies().stream()
        .map(c -> c.getName() + "=" + c.getValue())
        .collect(java.util.stream.Collectors.joining("; "));
  }

  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst().orElse(null);
  }

  /** The XSRF-TOKEN cookie's value, fetching a page first when there is none yet. */
  public String csrfToken() {
    if (cookie("XSRF-TOKEN") == null) {
      send(builder("/api/me").GET());
    }
    return cookie("XSRF-TOKEN");
  }

  public Http.Response send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = client.send(b.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Http.Response(r.statusCode(), r.body(), r);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Http.Response get(String path) {
    return send(builder(path).GET());
  }

  public Http.Response postJson(String path, String json, String... headers) {
    HttpRequest.Builder b = builder(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b);
  }
}
