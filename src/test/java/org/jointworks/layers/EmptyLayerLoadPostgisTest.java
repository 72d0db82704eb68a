package org.jointworks.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointworks.support.Fixtures.collection;
import static org.jointworks.support.Fixtures.community;
import static org.jointworks.support.Fixtures.pipeline;
import static org.jointworks.support.Fixtures.work;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.jointworks.support.Http;
import org.jointworks.support.PostgisDatabase;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Decision 106 through HTTP on a real PostGIS: an import into an empty layer is loaded without the
 * table's secondary indexes, which are built again before the commit — the same definitions, new
 * index relations — while a refused or killed import leaves the layer empty with the very same
 * indexes, and an import that cannot have the table to itself (a reader in a transaction, a
 * second import at the same moment) loads row by row instead of waiting or deadlocking. Each test
 * uses a layer of its own, empty when it starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgis")
@EnabledIfEnvironmentVariable(named = PostgisDatabase.URL_VARIABLE, matches = ".+")
class EmptyLayerLoadPostgisTest {
  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.postgis(registry, "empty_load", false);
  }

  @LocalServerPort
  int port;
  @Autowired
  DataSource dataSource;

  @Test
  void anImportIntoAnEmptyLayerRebuildsItsIndexesAndTheNextOneKeepsThem() throws Exception {
    Map<String, Index> before = indexes("communities");
    assertThat(before).containsKeys("communities_geom", "communities_district",
        "communities_pkey");
    Http.Response r = admin().post("/api/import/communities", communities(0, 2500));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    Map<String, Index> after = indexes("communities");
    assertSameDefinitions(before, after);
    // Built again: a new relation for each secondary index; the key is the constraint's own.
    assertThat(after.get("communities_geom").oid()).isNotEqualTo(before.get("communities_geom").oid());
    assertThat(after.get("communities_district").oid())
        .isNotEqualTo(before.get("communities_district").oid());
    assertThat(after.get("communities_pkey").oid()).isEqualTo(before.get("communities_pkey").oid());
    assertThat(count("communities")).isEqualTo(2500);
    assertThat(usesIndex("SELECT id FROM communities WHERE geom && ST_MakeEnvelope(113.80,"
        + " 35.20, 113.81, 35.21, 4490)", "communities_geom")).isTrue();
    // No longer empty: the next import goes in row by row, the indexes untouched.
    r = admin().post("/api/import/communities", communities(2500, 1200));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(indexes("communities")).isEqualTo(after);
    assertEveryRowFoundByItsBox("communities", 3700);
  }

  @Test
  void aRefusedImportIntoAnEmptyLayerLeavesItEmptyWithTheSameIndexes() throws Exception {
    Map<String, Index> before = indexes("works");
    String[] features = IntStream.range(0, 2600).mapToObj(i -> work("gas",
        113.80 + (i % 50) * 0.003, 35.20 + (i / 50) * 0.001, "2027-03-01", "2027-04-01"))
        .toArray(String[]::new);
    // The last feature ends before it starts: refused after two full batches went in.
    features[2599] = features[2599].replace("\"end_date\":\"2027-04-01\"",
        "\"end_date\":\"2027-01-01\"");
    Http.Response r = admin().post("/api/import/works", collection(features));
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(count("works")).isZero();
    assertThat(indexes("works")).isEqualTo(before);
  }

  @Test
  void anImportThatCannotHaveTheTableLoadsRowByRowInsteadOfWaiting() throws Exception {
    Map<String, Index> before = indexes("pipelines");
    try (Connection reader = dataSource.getConnection()) {
      reader.setAutoCommit(false);
      try (Statement st = reader.createStatement()) {
        st.executeQuery("SELECT count(*) FROM pipelines").close(); // holds ACCESS SHARE
      }
      long t0 = System.nanoTime();
      Http.Response r = admin().post("/api/import/pipelines", collection(IntStream.range(0, 1500)
          .mapToObj(i -> pipeline("power", 113.80 + (i % 40) * 0.004, 35.20 + (i / 40) * 0.001))
          .toArray(String[]::new)));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      // Neither waited for the reader's commit nor dropped anything under it.
      assertThat((System.nanoTime() - t0) / 1e9).isLessThan(30);
      reader.commit();
    }
    assertThat(indexes("pipelines")).isEqualTo(before);
    assertThat(count("pipelines")).isEqualTo(1500);
  }

  @Test
  void twoImportsIntoOneEmptyLayerAtOnceBothLand() throws Exception {
    Map<String, Index> before = indexes("facilities");
    CompletableFuture<Http.Response> a = CompletableFuture.supplyAsync(
        () -> admin().post("/api/import/facilities", facilities(0, 3000)));
    CompletableFuture<Http.Response> b = CompletableFuture.supplyAsync(
        () -> admin().post("/api/import/facilities", facilities(3000, 3000)));
    for (Http.Response r : new Http.Response[] {a.get(60, TimeUnit.SECONDS),
        b.get(60, TimeUnit.SECONDS)}) {
      assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
    assertSameDefinitions(before, indexes("facilities"));
    assertEveryRowFoundByItsBox("facilities", 6000);
  }

  @Test
  void anImportWhoseConnectionDiesMidwayLeavesTheLayerEmptyWithTheSameIndexes() throws Exception {
    Map<String, Index> before = indexes("streets");
    CompletableFuture<Http.Response> dying = CompletableFuture.supplyAsync(
        () -> admin().post("/api/import/streets", streets(0, 40_000)));
    // The import's backend, found by the table lock it holds once the indexes are dropped, is
    // ended as a crash of the service would end it.
    Integer pid = null;
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (pid == null && !dying.isDone() && System.nanoTime() < until) {
      pid = exclusiveHolder("streets");
      Thread.sleep(2);
    }
    assertThat(pid).as("the import held the empty table's lock").isNotNull();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
      ps.setInt(1, pid);
      ps.execute();
    }
    // The service answers 5xx, or closes the connection before the client has sent the body.
    Http.Response r = dying.exceptionally(e -> null).get(60, TimeUnit.SECONDS);
    if (r != null) {
      assertThat(r.status()).as(r.body()).isGreaterThanOrEqualTo(500);
    }
    assertThat(count("streets")).isZero();
    assertThat(indexes("streets")).isEqualTo(before);
    // The service goes on: the next import into the still empty layer lands, indexed.
    r = admin().post("/api/import/streets", streets(0, 500));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertSameDefinitions(before, indexes("streets"));
    assertThat(count("streets")).isEqualTo(500);
  }

  @Test
  void aRoleThatDoesNotOwnTheTableLoadsRowByRow() throws Exception {
    Map<String, Index> before = indexes("pipe_points");
    String role = "jw_not_owner_" + Long.toHexString(System.nanoTime());
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      // Test-made identifiers: a role name of hex digits, the schema of this test's own store.
      st.execute("CREATE ROLE " + role);
      st.execute("GRANT USAGE ON SCHEMA " + c.getSchema() + " TO " + role);
      st.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON pipe_points TO " + role);
      try {
        c.setAutoCommit(false);
        // Empty in this transaction whatever another test stored (rolled back below).
        st.execute("DELETE FROM pipe_points");
        st.execute("SET LOCAL ROLE " + role);
        // It may lock the table (it may change its rows) but not drop an index it does not own.
        assertThat(EmptyLayerLoad.begin(c, Layer.PIPE_POINTS)).isNull();
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pipe_points")) {
          assertThat(rs.next()).as("the transaction goes on after its savepoint").isTrue();
        }
        c.rollback();
      } finally {
        c.setAutoCommit(true);
        st.execute("REVOKE ALL ON pipe_points FROM " + role);
        st.execute("REVOKE USAGE ON SCHEMA " + c.getSchema() + " FROM " + role);
        st.execute("DROP ROLE " + role);
      }
    }
    assertThat(indexes("pipe_points")).isEqualTo(before);
  }

  @Test
  void aSlowUploadDoesNotHoldTheEmptyLayersLock() throws Exception {
    Map<String, Index> before = indexes("pipe_points");
    byte[] body = collection(IntStream.range(0, 4000).mapToObj(i -> String.format(Locale.ROOT,
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[%s,%s]},"
            + "\"properties\":{\"point_no\":\"JS%d\",\"utility\":\"gas\",\"owner\":\"gas\"}}",
        113.80 + (i % 80) * 0.0005, 35.20 + (i / 80) * 0.0005, i)).toArray(String[]::new))
        .getBytes(StandardCharsets.UTF_8);
    // The body in 40 parts a tenth of a second apart: about four seconds of upload.
    AtomicBoolean sent = new AtomicBoolean();
    InputStream slow = new InputStream() {
      private int at;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (at >= body.length) {
          sent.set(true);
          return -1;
        }
        if (at > 0 && at % (body.length / 40 + 1) == 0) {
          sleep(100);
        }
        int n = Math.min(Math.min(len, body.length / 40 + 1 - at % (body.length / 40 + 1)),
            body.length - at);
        System.arraycopy(body, at, b, off, n);
        at += n;
        return n;
      }
    };
    HttpRequest.Builder request = admin().builder("/api/import/pipe-points")
        .header("Content-Type", "application/geo+json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> slow));
    CompletableFuture<HttpResponse<byte[]>> upload =
        CompletableFuture.supplyAsync(() -> admin().sendBytes(request));
    int looks = 0;
    while (!sent.get() && !upload.isDone()) {
      assertThat(exclusiveHolder("pipe_points")).as("locked during the upload").isNull();
      looks++;
      Thread.sleep(20);
    }
    assertThat(looks).as("looked while the body was still coming").isGreaterThan(20);
    HttpResponse<byte[]> r = upload.get(60, TimeUnit.SECONDS);
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    // Read whole, then loaded into the still empty layer without its indexes all the same.
    Map<String, Index> after = indexes("pipe_points");
    assertSameDefinitions(before, after);
    assertThat(after.get("pipe_points_geom").oid()).isNotEqualTo(before.get("pipe_points_geom").oid());
    assertThat(after.get("pipe_points_number").oid())
        .as("a unique index stays").isEqualTo(before.get("pipe_points_number").oid());
    assertEveryRowFoundByItsBox("pipe_points", 4000);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Http admin() {
    return Http.anonymous(port).as("admin");
  }

  /** An index of a table: its relation and definition. */
  private record Index(long oid, String definition) {}

  private Map<String, Index> indexes(String table) throws SQLException {
    Map<String, Index> out = new TreeMap<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT k.relname, i.indexrelid::bigint, pg_get_indexdef(i.indexrelid) FROM pg_index i"
            + " JOIN pg_class k ON k.oid = i.indexrelid WHERE i.indrelid = ?::regclass")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), new Index(rs.getLong(2), rs.getString(3)));
        }
      }
    }
    return out;
  }

  private static void assertSameDefinitions(Map<String, Index> before, Map<String, Index> after) {
    assertThat(after.keySet()).isEqualTo(before.keySet());
    before.forEach((name, index) ->
        assertThat(after.get(name).definition()).as(name).isEqualTo(index.definition()));
  }

  /** {@code rows} rows, every one found again by a box around the city (the GiST index's query). */
  private void assertEveryRowFoundByItsBox(String table, long rows) throws SQLException {
    assertThat(count(table)).isEqualTo(rows);
    assertThat(count(table + " WHERE geom && ST_MakeEnvelope(113.0, 35.0, 114.0, 36.0, 4490)"))
        .isEqualTo(rows);
  }

  private long count(String tableAndWhere) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + tableAndWhere)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private boolean usesIndex(String query, String index) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      st.execute("SET LOCAL enable_seqscan = off");
      try (ResultSet rs = st.executeQuery("EXPLAIN " + query)) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      c.rollback();
    }
    return plan.toString().contains(index);
  }

  /** The backend holding {@code table}'s ACCESS EXCLUSIVE lock, or null. */
  private Integer exclusiveHolder(String table) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT pid FROM pg_locks WHERE relation = ?::regclass AND mode = 'AccessExclusiveLock'"
            + " AND granted")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : null;
      }
    }
  }

  private static String communities(int from, int n) {
    return collection(IntStream.range(from, from + n).mapToObj(i -> community("小区" + i,
        i % 2 == 0 ? "weibin" : "hongqi", 113.80 + (i % 50) * 0.0013, 35.20 + (i / 50) * 0.0012,
        0.001, 10 + i % 90)).toArray(String[]::new));
  }

  private static String facilities(int from, int n) {
    return collection(IntStream.range(from, from + n).mapToObj(i -> String.format(Locale.ROOT,
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[%s,%s]},"
            + "\"properties\":{\"kind\":\"substation\",\"name\":\"设施%d\"}}",
        113.80 + (i % 80) * 0.0005, 35.20 + (i / 80) * 0.0005, i)).toArray(String[]::new));
  }

  private static String streets(int from, int n) {
    return collection(IntStream.range(from, from + n).mapToObj(i -> String.format(Locale.ROOT,
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
            + "[[%s,%s],[%s,%s],[%s,%s]]},\"properties\":{\"name\":\"路%d\",\"width_m\":%d}}",
        113.80 + (i % 200) * 0.0004, 35.20 + (i / 200) * 0.0003,
        113.8002 + (i % 200) * 0.0004, 35.2001 + (i / 200) * 0.0003,
        113.8003 + (i % 200) * 0.0004, 35.2001 + (i / 200) * 0.0003, i, 6 + i % 30))
        .toArray(String[]::new));
  }
}
