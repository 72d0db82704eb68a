package org.jointworks.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointworks.support.Fixtures.collection;
import static org.jointworks.support.Fixtures.community;
import static org.jointworks.support.Fixtures.work;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jointworks.layers.Layer;
import org.jointworks.support.Http;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Items pages read from the in-memory snapshot (decision 94) are the store's keyset pages, feature
 * for feature (same ids, versions, geometries, property values and their Java types, which decide
 * how they are written as JSON), with the same count and next/prev flags: right after an import
 * (the snapshot then comes from the import's hand-over, not the store), and after deletes leave
 * gaps in the ids and an edit moves a version, for every cursor around the ends and the gaps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SnapshotPagesTest {
  @LocalServerPort
  int port;
  @Autowired
  ItemsRepository items;
  @Autowired
  SnapshotPages snapshots;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
  }

  @Test
  void snapshotPagesAreTheStoresPages() {
    Http admin = Http.anonymous(port).as("admin");
    List<String> cs = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      cs.add(community("C" + i, i % 2 == 0 ? "weibin" : "hongqi", 113.85 + i * 0.01, 35.30,
          0.002, 100 + i));
    }
    assertThat(admin.post("/api/import/communities", collection(cs.toArray(String[]::new)))
        .status()).isEqualTo(200);
    assertThat(admin.post("/api/import/works", collection(
        work("gas", 113.86, 35.301, "2023-03-01", "2023-04-30"),
        work("power", 113.88, 35.301, "2023-09-01", "2023-10-15"))).status()).isEqualTo(200);
    assertSamePages(Layer.COMMUNITIES);
    assertSamePages(Layer.WORKS);

    List<Long> ids = items.storedPage(Layer.COMMUNITIES, query(1000, null, null)).features()
        .stream().map(f -> f.id()).toList();
    // Every feature rendered and kept before the writes: the next snapshot takes over the bytes
    // of those it shares (decision 96), which must still be the generator's below.
    String all = "/ogcapi/collections/communities/items?limit=100";
    assertThat(Http.anonymous(port).get(all).json().at("/numberReturned").asInt()).isEqualTo(23);
    for (long id : List.of(ids.get(0), ids.get(5), ids.get(6), ids.get(22))) {
      String item = "/ogcapi/collections/communities/items/" + id;
      assertThat(admin.delete(item, admin.get(item).header("ETag")).status()).isEqualTo(204);
    }
    String edited = "/ogcapi/collections/communities/items/" + ids.get(10);
    assertThat(admin.send(admin.builder(edited)
        .header("Content-Type", "application/merge-patch+json")
        .header("If-Match", admin.get(edited).header("ETag"))
        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"properties\":{\"households\":7,\"name\":\"改\"}}"))).status()).isEqualTo(200);
    assertSamePages(Layer.COMMUNITIES);
    assertThat(items.page(Layer.COMMUNITIES, query(100, null, null)).numberMatched())
        .isEqualTo(19);
    // The kept bytes are what the generator writes: a bbox over the whole city takes the SQL
    // path and writes every feature afresh; the features arrays must be the same bytes.
    String viaSql = features(Http.anonymous(port).get(all + "&bbox=100,20,130,50").body());
    assertThat(viaSql).contains("\"households\":7").contains("改");
    for (int round = 0; round < 2; round++) { // rendered, then from the kept bytes
      assertThat(features(Http.anonymous(port).get(all).body())).isEqualTo(viaSql);
    }
  }

  private static String features(String body) {
    return body.substring(body.indexOf("\"features\":"));
  }

  private void assertSamePages(Layer layer) {
    List<Long> ids = items.storedPage(layer, query(1000, null, null)).features().stream()
        .map(f -> f.id()).toList();
    List<Long> cursors = new ArrayList<>(List.of(-5L, 0L, Long.MAX_VALUE, Long.MIN_VALUE));
    for (long id : ids) {
      cursors.addAll(List.of(id - 1, id, id + 1));
    }
    for (int limit : List.of(1, 2, 3, 10, 100)) {
      assertSame(layer, query(limit, null, null));
      for (long c : cursors) {
        assertSame(layer, query(limit, Long.toString(c), null));
        assertSame(layer, query(limit, null, Long.toString(c)));
      }
    }
  }

  private void assertSame(Layer layer, ItemsQuery q) {
    ItemsPage fromMemory = snapshots.page(layer, q);
    ItemsPage stored = items.storedPage(layer, q);
    assertThat(fromMemory.numberMatched()).as("count %s", q).isEqualTo(stored.numberMatched());
    assertThat(fromMemory.hasNext()).as("next %s", q).isEqualTo(stored.hasNext());
    assertThat(fromMemory.hasPrev()).as("prev %s", q).isEqualTo(stored.hasPrev());
    assertThat(fromMemory.features()).as("features %s", q).hasSameSizeAs(stored.features());
    for (int i = 0; i < stored.features().size(); i++) {
      var a = fromMemory.features().get(i);
      var b = stored.features().get(i);
      assertThat(a.id()).isEqualTo(b.id());
      assertThat(a.version()).isEqualTo(b.version());
      assertThat(a.geometry().equalsExact(b.geometry())).as("geometry of %d", a.id()).isTrue();
      assertThat(a.geometry().getSRID()).isEqualTo(b.geometry().getSRID());
      assertThat(a.properties()).isEqualTo(b.properties());
      a.properties().forEach((k, v) -> assertThat(v).as(k).isExactlyInstanceOf(
          b.properties().get(k).getClass()));
      assertThat(List.copyOf(a.properties().keySet()))
          .isEqualTo(List.copyOf(b.properties().keySet()));
    }
  }

  private static ItemsQuery query(int limit, String after, String before) {
    return new ItemsQuery(null, null, false, null, null, Map.of(), limit, after, before);
  }
}
