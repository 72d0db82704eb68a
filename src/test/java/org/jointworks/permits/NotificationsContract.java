package org.jointworks.permits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointworks.permits.Patch.work;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jointworks.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The inboxes through HTTP, on the same context as the permits (one Spring context for the
 * works workflow keeps the suite's time down): who hears of a submission, a conflict, a
 * moratorium, a decision and a collaboration; unread counts; marking read; the live stream and
 * its bound per user. Stream tests wait for events with generous timeouts, never for a time.
 */
abstract class NotificationsContract extends PermitsContract {

  JsonNode inbox(Http who) {
    Http.Response r = who.get("/api/notifications?limit=200");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  List<JsonNode> about(Http who, String kind, long subjectId) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode m : inbox(who).get("messages")) {
      if (m.get("kind").asString().equals(kind) && m.get("subjectId").asLong() == subjectId) {
        out.add(m);
      }
    }
    return out;
  }

  @Test
  void thePartiesHearOfSubmissionsConflictsAndDecisions() {
    Patch p = new Patch();
    long waterWork = imported(work(p.line(0, 0, 200, 0), "water_supply", "water_supply",
        "approved", "2023-03-01", "2023-03-31"));
    long done = imported(work(p.line(0, -1, 200, -1), "drainage", "drainage", "completed",
        "2022-01-01", "2022-01-31"));
    long gasWork = create(gas, work(p.line(0, 2, 200, 2), "gas", "gas", null, "2023-03-10",
        "2023-04-10"));
    step(gas, gasWork, "submit", 200);

    assertThat(about(roads, "permit.requested", gasWork)).hasSize(1);
    assertThat(about(water, "conflict.new", waterWork)).hasSize(1);
    assertThat(about(water, "conflict.new", waterWork).get(0).at("/args/other").asLong())
        .isEqualTo(waterWork);
    assertThat(about(water, "conflict.new", waterWork).get(0).at("/args/id").asLong())
        .isEqualTo(gasWork);
    Http drainage = anonymous.as("drainage");
    assertThat(about(drainage, "moratorium.hit", done)).hasSize(1);
    assertThat(about(roads, "moratorium.hit", done)).hasSize(1);
    assertThat(about(gas, "permit.requested", gasWork)).as("not told of one's own step")
        .isEmpty();

    roads.post("/api/works/" + gasWork + "/refuse", "{\"reason\":\"dig with water\"}");
    List<JsonNode> decided = about(gas, "permit.refused", gasWork);
    assertThat(decided).hasSize(1);
    assertThat(decided.get(0).at("/args/reason").asString()).isEqualTo("dig with water");

    long unread = gas.get("/api/notifications/unread").json().get("unread").asLong();
    assertThat(unread).isPositive();
    long id = decided.get(0).get("id").asLong();
    assertThat(water.post("/api/notifications/" + id + "/read", "").status())
        .as("another user's message").isEqualTo(404);
    assertThat(gas.post("/api/notifications/" + id + "/read", "").status()).isEqualTo(204);
    assertThat(gas.get("/api/notifications/unread").json().get("unread").asLong())
        .isEqualTo(unread - 1);
    assertThat(gas.post("/api/notifications/read-all", "").status()).isEqualTo(200);
    assertThat(gas.get("/api/notifications/unread").json().get("unread").asLong()).isZero();
    assertThat(inbox(gas).get("messages").get(0).get("readAt").isNull()).isFalse();
  }

  @Test
  void theInboxIsSignedInOnly() {
    assertThat(anonymous.get("/api/notifications").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/notifications/unread").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/notifications/stream").status()).isEqualTo(401);
    assertThat(anonymous.post("/api/notifications/read-all", "").status()).isEqualTo(401);
    assertThat(gas.get("/api/notifications?limit=0").status()).isEqualTo(400);
  }

  /** Lines of one open stream, read on the client's threads into a queue. */
  static final class Stream1 {
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final java.util.concurrent.CompletableFuture<HttpResponse<Stream<String>>> response;

    Stream1(Http who) {
      response = HttpClient.newHttpClient().sendAsync(who.builder("/api/notifications/stream")
              .header("Accept", "text/event-stream").GET().build(),
          HttpResponse.BodyHandlers.ofLines());
      response.thenAccept(r -> {
        r.body().forEach(lines::add);
        lines.add("<closed>");
      });
    }

    /** The data of the next event named {@code name}, waiting at most a minute. */
    String next(String name) throws InterruptedException {
      boolean named = false;
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < until) {
        String line = lines.poll(1, TimeUnit.SECONDS);
        if (line == null) {
          continue;
        }
        if (line.equals("<closed>")) {
          return null;
        }
        if (line.startsWith("event:")) {
          named = line.substring(6).trim().equals(name);
        } else if (named && line.startsWith("data:")) {
          return line.substring(5).trim();
        }
      }
      throw new AssertionError("no '" + name + "' event within a minute");
    }

    /** Whether the server closed the stream within a minute. */
    boolean closed() throws InterruptedException {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < until) {
        String line = lines.poll(1, TimeUnit.SECONDS);
        if ("<closed>".equals(line)) {
          return true;
        }
      }
      return false;
    }

    void cancel() {
      response.thenAccept(r -> r.body().close());
      response.cancel(true);
    }
  }

  @Test
  void aCollaborationProposedIsPushedLiveToTheOtherParty() throws Exception {
    Patch p = new Patch();
    long waterWork = create(water, work(p.line(0, 0, 100, 0), "water_supply", "water_supply",
        null, "2023-08-01", "2023-08-20"));
    long gasWork = create(gas, work(p.line(0, 1, 100, 1), "gas", "gas", null, "2023-08-01",
        "2023-08-20"));
    Stream1 live = new Stream1(water);
    try {
      String hello = live.next("unread");
      assertThat(Http.JSON.readTree(hello).has("unread")).isTrue();
      Http.Response proposal = gas.post("/api/collaborations", "{\"primaryWorkId\":" + waterWork
          + ",\"secondaryWorkId\":" + gasWork + ",\"startDate\":\"2023-08-01\","
          + "\"endDate\":\"2023-08-20\"}");
      assertThat(proposal.status()).as(proposal.body()).isEqualTo(201);
      long id = proposal.json().get("id").asLong();
      JsonNode pushed = null;
      for (int i = 0; i < 20 && pushed == null; i++) {
        JsonNode m = Http.JSON.readTree(live.next("notification"));
        if (m.get("kind").asString().equals("collaboration.proposed")
            && m.get("subjectId").asLong() == id) {
          pushed = m;
        }
      }
      assertThat(pushed).isNotNull();
      assertThat(pushed.get("recipient").asString()).isEqualTo("water_supply");
    } finally {
      live.cancel();
    }
  }

  @Test
  void aUserHoldsABoundedNumberOfStreams() throws Exception {
    Http telecom = anonymous.as("telecom");
    List<Stream1> streams = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        Stream1 s = new Stream1(telecom);
        s.next("unread");
        streams.add(s);
      }
      Stream1 fourth = new Stream1(telecom);
      fourth.next("unread");
      streams.add(fourth);
      assertThat(streams.get(0).closed()).as("the oldest stream is closed").isTrue();
    } finally {
      streams.forEach(Stream1::cancel);
    }
  }
}
