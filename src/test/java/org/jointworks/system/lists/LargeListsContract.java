package org.jointworks.system.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.jointworks.bench.GridCity;
import org.jointworks.layers.Vocabulary;
import org.jointworks.support.Fixtures;
import org.jointworks.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The conflict and adjacency lists as large answers, through HTTP (issue 15): a cursor walk
 * returns exactly the whole list, in order, once; a cursor goes stale after a write (409
 * {@code list.cursor_stale}) and fits only its own parameters; the summary counts by kind
 * without the list; NDJSON streams the same items (gzip when asked); every bad parameter is a
 * 4xx with a code; the unpaged answer stays as it was. Subclasses run it on H2GIS and PostGIS.
 */
abstract class LargeListsContract {
  private static final String ADJACENCY = "/api/linkage/adjacency?gapMeters=30";
  private static final String CONFLICTS = "/api/works/conflicts";

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  Http anonymous;
  Http admin;

  @BeforeEach
  void city() {
    anonymous = Http.anonymous(port);
    admin = anonymous.as("admin");
    if (jdbc.queryForObject("SELECT COUNT(*) FROM communities", Long.class) > 0) {
      return;
    }
    assertThat(admin.post("/api/import/communities",
        GridCity.geoJson(GridCity.communities(64, 7))).status()).isEqualTo(200);
    List<String> works = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      // Eight works on one street, a metre apart, at the same time: every pair conflicts.
      works.add(Fixtures.work(Vocabulary.UTILITIES.get(i % 6), 113.85, 35.30 + i * 0.00001,
          "2023-04-01", "2023-05-01"));
    }
    Http.Response r = admin.post("/api/import/works",
        Fixtures.collection(works.toArray(String[]::new)));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  @Test
  void aCursorWalkReturnsTheWholeListOnceInOrder() {
    for (String[] list : new String[][] {{ADJACENCY, "pairs", "&"}, {CONFLICTS, "conflicts", "?"}}) {
      JsonNode whole = anonymous.get(list[0]).json();
      int total = whole.get("count").asInt();
      assertThat(total).as(list[0]).isGreaterThan(7);
      List<String> walked = new ArrayList<>();
      String next = null;
      int pages = 0;
      do {
        String url = list[0] + list[2] + "limit=7" + (next == null ? "" : "&cursor=" + next);
        Http.Response r = anonymous.get(url);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode page = r.json();
        assertThat(page.get("count").asInt()).isEqualTo(total);
        assertThat(page.get(list[1]).size()).isLessThanOrEqualTo(7)
            .isEqualTo(page.get("returned").asInt());
        page.get(list[1]).forEach(n -> walked.add(n.toString()));
        next = page.has("next") ? page.get("next").asString() : null;
        pages++;
      } while (next != null);
      List<String> expected = new ArrayList<>();
      whole.get(list[1]).forEach(n -> expected.add(n.toString()));
      assertThat(walked).isEqualTo(expected);
      assertThat(pages).isEqualTo((total + 6) / 7);
    }
  }

  @Test
  void aCursorIsStaleAfterAWriteAndFitsOnlyItsOwnParameters() {
    String next = anonymous.get(CONFLICTS + "?limit=2").json().get("next").asString();
    Http.Response other = anonymous.get(CONFLICTS + "?bufferMeters=4&cursor=" + next);
    assertThat(other.status()).isEqualTo(400);
    assertThat(other.json().get("code").asString()).isEqualTo("list.cursor_mismatch");
    String adjacencyNext = anonymous.get(ADJACENCY + "&limit=2").json().get("next").asString();
    assertThat(anonymous.get(ADJACENCY + "&limit=2&cursor=" + adjacencyNext).status())
        .isEqualTo(200);

    assertThat(admin.post("/api/import/works", Fixtures.collection(
        Fixtures.work("gas", 113.86, 35.31, "2024-04-01", "2024-05-01"))).status())
        .isEqualTo(200);
    Http.Response stale = anonymous.get(CONFLICTS + "?limit=2&cursor=" + next);
    assertThat(stale.status()).as(stale.body()).isEqualTo(409);
    assertThat(stale.json().get("code").asString()).isEqualTo("list.cursor_stale");
    // Works are not communities: the adjacency cursor is still good.
    assertThat(anonymous.get(ADJACENCY + "&limit=2&cursor=" + adjacencyNext).status())
        .isEqualTo(200);
    assertThat(admin.post("/api/import/communities", Fixtures.collection(
        Fixtures.community("新", "weibin", 113.85, 35.32, 0.001, 100))).status())
        .isEqualTo(200);
    Http.Response staleAdjacency = anonymous.get(ADJACENCY + "&limit=2&cursor=" + adjacencyNext);
    assertThat(staleAdjacency.status()).isEqualTo(409);
    assertThat(staleAdjacency.json().get("code").asString()).isEqualTo("list.cursor_stale");
  }

  @Test
  void theSummaryCountsByKindWithoutTheList() {
    JsonNode whole = anonymous.get(ADJACENCY).json();
    JsonNode summary = anonymous.get(ADJACENCY + "&summary=true").json();
    assertThat(summary.has("pairs")).isFalse();
    assertThat(summary.get("count").asInt()).isEqualTo(whole.get("count").asInt());
    long touching = 0;
    for (JsonNode p : whole.get("pairs")) {
      touching += p.get("gapMeters").asDouble() == 0 ? 1 : 0;
    }
    assertThat(summary.at("/byKind/touching").asLong()).isEqualTo(touching).isPositive();
    assertThat(summary.at("/byKind/apart").asLong()).isEqualTo(whole.get("count").asInt() - touching);
    JsonNode conflicts = anonymous.get(CONFLICTS + "?summary=true").json();
    assertThat(conflicts.has("conflicts")).isFalse();
    assertThat(conflicts.at("/byKind/same_window").asLong())
        .isEqualTo(anonymous.get(CONFLICTS).json().get("count").asLong()).isPositive();
    assertThat(conflicts.at("/byKind/moratorium").asLong()).isZero();
  }

  @Test
  void ndjsonStreamsTheSameItemsGzippedWhenAsked() throws IOException {
    for (String[] list : new String[][] {{ADJACENCY, "pairs"}, {CONFLICTS, "conflicts"}}) {
      List<String> expected = new ArrayList<>();
      anonymous.get(list[0]).json().get(list[1]).forEach(n -> expected.add(n.toString()));
      Http.Response r = anonymous.send(anonymous.builder(list[0])
          .header("Accept", "application/x-ndjson").GET());
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.header("Content-Type")).startsWith("application/x-ndjson");
      assertThat(r.header("X-Total-Count")).isEqualTo(Integer.toString(expected.size()));
      List<String> lines = new ArrayList<>();
      for (String line : r.body().split("\n")) {
        lines.add(Http.JSON.readTree(line).toString());
      }
      assertThat(lines).isEqualTo(expected);
    }
    HttpResponse<byte[]> gz = anonymous.sendBytes(anonymous.builder(ADJACENCY)
        .header("Accept", "application/x-ndjson").header("Accept-Encoding", "gzip").GET());
    assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
    String text = new String(new GZIPInputStream(new ByteArrayInputStream(gz.body()))
        .readAllBytes(), StandardCharsets.UTF_8);
    assertThat(text.split("\n")).hasSize(anonymous.get(ADJACENCY).json().get("count").asInt());
  }

  @Test
  void badListParametersAnswer4xxWithACode() {
    String[][] cases = {
        {ADJACENCY + "&limit=0", "list.limit_out_of_range"},
        {ADJACENCY + "&limit=10001", "list.limit_out_of_range"},
        {CONFLICTS + "?limit=abc", "list.limit_out_of_range"},
        {CONFLICTS + "?cursor=bm9wZQ", "list.cursor_invalid"},
        {ADJACENCY + "&cursor=%25%25", "list.cursor_invalid"},
        {CONFLICTS + "?summary=maybe", "list.summary_not_boolean"},
        {ADJACENCY + "&summary=true&limit=5", "list.paging_not_applicable"},
    };
    for (String[] c : cases) {
      Http.Response r = anonymous.get(c[0]);
      assertThat(r.status()).as(c[0] + " " + r.body()).isEqualTo(400);
      assertThat(r.json().get("code").asString()).as(c[0]).isEqualTo(c[1]);
    }
    Http.Response both = anonymous.send(anonymous.builder(CONFLICTS + "?limit=5")
        .header("Accept", "application/x-ndjson").GET());
    assertThat(both.status()).as(both.body()).isEqualTo(400);
    assertThat(both.body()).contains("list.paging_not_applicable");
  }
}
