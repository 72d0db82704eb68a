package org.jointworks.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointworks.support.Fixtures.collection;
import static org.jointworks.support.Fixtures.community;
import static org.jointworks.support.Fixtures.pipeline;
import static org.jointworks.support.Fixtures.work;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.jointworks.support.Http;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The anonymous items fast path (decision 96) gives the full chain's answer byte for byte — body
 * (its time stamp aside), status and every header but the date and the CSRF cookie's random
 * value — for each request it takes, and takes only anonymous plain pages of public layers: a
 * private layer, works, a signed-in user, HTML, a bad or unknown parameter all go down the chain.
 * Which path answered is read from its counter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnonymousItemsFilterTest {
  private static final String ITEMS = "/ogcapi/collections/communities/items";

  @LocalServerPort
  int port;
  @Autowired
  AnonymousItemsFilter filter;
  @Autowired
  MeterRegistry meters;
  @Autowired
  org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext context;
  Http anonymous;
  Http admin;
  static List<Long> ids = new ArrayList<>();

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
  }

  @BeforeEach
  void data() {
    anonymous = Http.anonymous(port);
    admin = anonymous.as("admin");
    if (!ids.isEmpty()) {
      return;
    }
    List<String> cs = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      cs.add(community("C" + i, i % 2 == 0 ? "weibin" : "hongqi", 113.85 + i * 0.01, 35.30,
          0.002, 100 + i));
    }
    assertThat(admin.post("/api/import/communities", collection(cs.toArray(String[]::new)))
        .status()).isEqualTo(200);
    assertThat(admin.post("/api/import/works", collection(
        work("gas", 113.86, 35.301, "2023-03-01", "2023-04-30"))).status()).isEqualTo(200);
    assertThat(admin.post("/api/import/pipelines", collection(pipeline("gas", 113.86, 35.30)))
        .status()).isEqualTo(200);
    admin.get(ITEMS + "?limit=100").json().at("/features")
        .forEach(f -> ids.add(f.at("/id").asLong()));
    assertThat(ids).hasSize(23);
  }

  @AfterEach
  void on() {
    filter.enabled(true);
  }

  @Test
  void answersExactlyWhatTheFullChainAnswers() {
    long mid = ids.get(10);
    List<String> urls = List.of(ITEMS, ITEMS + "?limit=5", ITEMS + "?limit=5&after=" + mid,
        ITEMS + "?before=" + mid + "&limit=4", ITEMS + "?after=" + ids.get(22),
        ITEMS + "?after=0", ITEMS + "?limit=100&f=json", ITEMS + "?f=geojson&limit=3",
        ITEMS + "?limit=2&f=application/json", "/ogcapi/collections/districts/items");
    for (String url : urls) {
      assertSame(url);
    }
    String page = ITEMS + "?limit=7&after=" + ids.get(3);
    assertSame(page, "Origin", "https://elsewhere.example");
    assertSame(page, "Origin", "http://127.0.0.1:" + port);
    assertSame(ITEMS + "?limit=20", "Accept-Encoding", "gzip"); // large enough to be gzipped
    assertSame(page, "Accept", "application/geo+json");
    assertSame(page, "Accept", "application/json, text/html;q=0.5");
    assertSame(page, "Cookie", "XSRF-TOKEN=a3e1b2c4-0000-4000-8000-000000000001");
  }

  @Test
  void everythingElseTakesTheFullChain() {
    // Private layers are never answered early: anonymous users get 401 from the chain.
    assertChain(get("/ogcapi/collections/pipelines/items"), 401);
    assertChain(get("/ogcapi/collections/pipelines/items?limit=5"), 401);
    assertChain(get("/ogcapi/collections/pipe-points/items"), 401);
    assertChain(get("/ogcapi/collections/facilities/items?limit=1"), 401);
    // Works: the anonymous audience sees some of them only, which the chain decides.
    assertChain(get("/ogcapi/collections/works/items"), 200);
    assertChain(get("/ogcapi/collections/COMMUNITIES/items"), 401);
    assertThat(get("/ogcapi/collections/communities/items/").status()).isBetween(400, 499);
    for (String query : List.of("limit=0", "limit=x", "limit=5&limit=6", "foo=1", "f=xml",
        "after=x", "after=1&before=2", "f=application/geo+json", "limit=%C3%28", "crs=EPSG:4326")) {
      Http.Response r = get(ITEMS + "?" + query);
      assertChain(r, 400);
      assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }
    assertChain(get(ITEMS + "?limit=5&after=%31"), 200); // escapes: the chain decodes them
    assertChain(get(ITEMS + "?f=html"), 200);
    assertChain(get(ITEMS + "?bbox=113.8,35.2,114,35.4"), 200);
    assertChain(get(ITEMS + "?limit=5&district=weibin"), 200);
    assertChain(send(anonymous.builder(ITEMS).header("Accept", "text/html")), 200);
    assertChain(send(anonymous.builder(ITEMS).header("Cookie", "JSESSIONID=ABC")), 200);
    assertChain(send(anonymous.builder(ITEMS).header("Cookie", "other=1")), 200);
    assertChain(send(admin.builder(ITEMS)), 200);
    send(anonymous.builder(ITEMS).method("HEAD", HttpRequest.BodyPublishers.noBody()));
  }

  /**
   * Filter order: read-your-writes first, then the early answers, then the request observation
   * (system/EarlyAnswersFirst), then the limits; a tie used to put the observation first.
   */
  @Test
  void earlyAnswersRunAfterTheRevisionWaitAndBeforeTheObservation() {
    var tomcat = (org.springframework.boot.tomcat.TomcatWebServer) context.getWebServer();
    var servletContext = (org.apache.catalina.Context) tomcat.getTomcat().getHost()
        .findChildren()[0];
    List<String> classes = new ArrayList<>();
    for (var map : servletContext.findFilterMaps()) {
      String name = servletContext.findFilterDef(map.getFilterName()).getFilterClass();
      classes.add(name.substring(name.lastIndexOf('.') + 1));
    }
    assertThat(classes).containsSubsequence("RevisionWaitFilter", "AnonymousItemsFilter",
        "ServerHttpObservationFilter", "QueryStringFilter", "UploadBodyFilter");
    assertThat(classes).containsSubsequence("RevisionWaitFilter", "AnonymousTileFilter",
        "ServerHttpObservationFilter", "BodyLimitFilter", "UploadBodyFilter");
  }

  private Http.Response get(String url) {
    return send(anonymous.builder(url));
  }

  private Http.Response send(HttpRequest.Builder b) {
    double before = early();
    Http.Response r = anonymous.send(b);
    assertThat(early()).as("answered early").isEqualTo(before);
    return r;
  }

  private static void assertChain(Http.Response r, int status) {
    assertThat(r.status()).as(r.raw().uri() + " " + r.body()).isEqualTo(status);
  }

  /** The same request answered early and by the chain gives the same answer. */
  private void assertSame(String url, String... header) {
    double before = early();
    HttpResponse<byte[]> fast = bytes(url, header);
    assertThat(early()).as("answered early: " + url).isEqualTo(before + 1);
    filter.enabled(false);
    HttpResponse<byte[]> full = bytes(url, header);
    filter.enabled(true);
    assertThat(early()).as("answered by the chain: " + url).isEqualTo(before + 1);
    assertThat(fast.statusCode()).isEqualTo(200).isEqualTo(full.statusCode());
    assertThat(headers(fast)).as(url).isEqualTo(headers(full));
    assertThat(body(fast)).as(url).isEqualTo(body(full)).contains("\"FeatureCollection\"");
  }

  private HttpResponse<byte[]> bytes(String url, String... header) {
    HttpRequest.Builder b = anonymous.builder(url);
    for (int i = 0; i < header.length; i += 2) {
      b.header(header[i], header[i + 1]);
    }
    return anonymous.sendBytes(b.GET());
  }

  /** Every header but the date, with the CSRF cookie's random token blanked. */
  private static Map<String, List<String>> headers(HttpResponse<byte[]> r) {
    Map<String, List<String>> h = new TreeMap<>(r.headers().map());
    h.remove("date");
    h.computeIfPresent("set-cookie", (k, v) -> v.stream()
        .map(c -> c.replaceFirst("XSRF-TOKEN=[0-9a-f-]{36}", "XSRF-TOKEN=…")).toList());
    return h;
  }

  /** The body, un-gzipped, with the time stamp (to the second) blanked. */
  private static String body(HttpResponse<byte[]> r) {
    byte[] b = r.body();
    if (r.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
        b = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new String(b, StandardCharsets.UTF_8)
        .replaceFirst("\"timeStamp\":\"[0-9TZ:-]+\"", "\"timeStamp\":\"…\"");
  }

  private double early() {
    return meters.get("jointworks.ogcapi.items.early").counter().count();
  }
}
