package org.jointworks.crash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The writes the kill harness makes, and what each acknowledged one promises: imports of
 * {@value #IMPORT_SIZE} communities (all or nothing), REST creates and replaces, OGC API Part 4
 * creates and replaces, and drawn linked areas. A write counts as acknowledged only when its 2xx
 * answer arrived whole; writes cut by the kill may or may not be there. Every feature lies at a
 * place of its own, so linked areas never overlap. Thread-safe: the lists are concurrent.
 */
final class Workload {
  static final int IMPORT_SIZE = 400;
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();
  private static final String AUTH = "Basic " + Base64.getEncoder()
      .encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
  private static final Pattern ID = Pattern.compile("/(\\d+)$");
  private static final Pattern JSON_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  /** An acknowledged write: {@code path} must answer 200 with at least {@code version}. */
  record Acked(String what, String path, long version, String name) {
    /** The feature id a create of a community took; 0 for other writes. */
    long createdId() {
      return what.endsWith("create") && path.startsWith("/api/communities/")
          ? Long.parseLong(path.substring(path.lastIndexOf('/') + 1)) : 0;
    }
  }

  /** An import: {@code token} names its features; all {@code size} or none may be stored. */
  record Import(String token, int size, boolean acked) {}

  final List<Acked> acked = new CopyOnWriteArrayList<>();
  final List<Import> imports = new CopyOnWriteArrayList<>();
  private final AtomicInteger place = new AtomicInteger();
  private final AtomicInteger serial = new AtomicInteger();
  private final String run;
  private String base;

  Workload(String run) {
    this.run = run;
  }

  void target(String base) {
    this.base = base;
  }

  /** One import; records it before sending, so a cut one is checked too. */
  void importOnce() throws IOException {
    String token = run + "i" + serial.incrementAndGet() + "z";
    StringBuilder body = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
    for (int i = 0; i < IMPORT_SIZE; i++) {
      body.append(i == 0 ? "" : ",").append(community(token + " " + i));
    }
    body.append("]}");
    Import pending = new Import(token, IMPORT_SIZE, false);
    imports.add(pending);
    HttpResponse<String> r = send("POST", "/api/import/communities", body.toString(), null);
    if (r.statusCode() / 100 == 2) {
      imports.set(imports.indexOf(pending), new Import(token, IMPORT_SIZE, true));
    }
  }

  /** A REST create, then a replace of it. */
  void restEdit() throws IOException {
    String name = run + " rest " + serial.incrementAndGet();
    HttpResponse<String> c = send("POST", "/api/communities", community(name), null);
    if (c.statusCode() != 201) {
      return;
    }
    String path = "/api/communities/" + idOf(c);
    acked.add(new Acked("REST create", path, 1, name));
    HttpResponse<String> u = send("PUT", path, community(name + " v2"), "\"1\"");
    if (u.statusCode() == 200) {
      acked.add(new Acked("REST replace", path, 2, name + " v2"));
    }
  }

  /** An OGC API Part 4 create, then a replace of it. */
  void ogcEdit() throws IOException {
    String name = run + " ogc " + serial.incrementAndGet();
    HttpResponse<String> c = send("POST", "/ogcapi/collections/communities/items",
        community(name), null);
    if (c.statusCode() != 201) {
      return;
    }
    String path = "/api/communities/" + idOf(c);
    acked.add(new Acked("OGC create", path, 1, name));
    HttpResponse<String> u = send("PUT", "/ogcapi/collections/communities/items/" + idOf(c),
        community(name + " v2"), "\"1\"");
    if (u.statusCode() / 100 == 2) {
      acked.add(new Acked("OGC replace", path, 2, name + " v2"));
    }
  }

  /** A drawn linked area. */
  void linkedArea() throws IOException {
    String name = run + " area " + serial.incrementAndGet();
    int at = place.incrementAndGet();
    String body = "{\"type\":\"Feature\",\"geometry\":" + square(114.3, 35.6, at, 0.0008)
        + ",\"properties\":{\"name\":\"" + name + "\"}}";
    HttpResponse<String> c = send("POST", "/api/linked-areas", body, null);
    if (c.statusCode() == 201) {
      acked.add(new Acked("linked area", "/api/linked-areas/" + idOf(c), 1, name));
    }
  }

  /** What is wrong with {@code a} in the store now; null when it is there as promised. */
  String check(Acked a) throws IOException {
    HttpResponse<String> r = send("GET", a.path(), null, null);
    if (r.statusCode() != 200) {
      return a.what() + " " + a.path() + " acknowledged but answers " + r.statusCode();
    }
    long version = r.headers().firstValue("ETag")
        .map(e -> Long.parseLong(e.replaceAll("[^0-9]", ""))).orElse(a.version());
    if (version < a.version()) {
      return a.what() + " " + a.path() + " acknowledged version " + a.version()
          + " but the store has " + version;
    }
    if (version == a.version() && !r.body().contains(a.name())) {
      return a.what() + " " + a.path() + " lost its acknowledged name " + a.name();
    }
    return null;
  }

  /** How many of the import's features are stored. */
  int stored(Import i) throws IOException {
    HttpResponse<String> r = send("GET", "/api/communities?limit=" + (i.size() + 1) + "&q="
        + i.token(), null, null);
    if (r.statusCode() != 200) {
      throw new IOException("counting " + i.token() + " answered " + r.statusCode());
    }
    Matcher m = Pattern.compile("\"numberReturned\"\\s*:\\s*(\\d+)").matcher(r.body());
    if (!m.find()) {
      throw new IOException("no numberReturned in the list of " + i.token());
    }
    return Integer.parseInt(m.group(1));
  }

  private String community(String name) {
    return "{\"type\":\"Feature\",\"geometry\":" + square(113.6, 35.0, place.incrementAndGet(),
        0.0009) + ",\"properties\":{\"name\":\"" + name + "\",\"district\":\"weibin\","
        + "\"households\":120,\"buildings\":4,\"floor_area_m2\":6000}}";
  }

  /** A square of {@code size} degrees at the {@code n}-th place of a 300-wide grid. */
  private static String square(double lon0, double lat0, int n, double size) {
    double x = lon0 + (n % 300) * 0.001;
    double y = lat0 + (n / 300) * 0.001;
    List<String> ring = new ArrayList<>();
    double[][] c = {{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}};
    for (double[] p : c) {
      ring.add(String.format(Locale.ROOT, "[%.7f,%.7f]", p[0], p[1]));
    }
    return "{\"type\":\"Polygon\",\"coordinates\":[[" + String.join(",", ring) + "]]}";
  }

  private static long idOf(HttpResponse<String> created) {
    String location = created.headers().firstValue("Location").orElse("");
    Matcher m = ID.matcher(location);
    if (m.find()) {
      return Long.parseLong(m.group(1));
    }
    Matcher j = JSON_ID.matcher(created.body());
    if (j.find()) {
      return Long.parseLong(j.group(1));
    }
    throw new IllegalStateException("no id in the answer: " + created.body());
  }

  HttpResponse<String> send(String method, String path, String body, String ifMatch)
      throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(60)).header("Authorization", AUTH);
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    if (body == null) {
      b.GET();
    } else {
      b.header("Content-Type", path.startsWith("/ogcapi") || path.startsWith("/api/import")
          ? "application/geo+json" : "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
