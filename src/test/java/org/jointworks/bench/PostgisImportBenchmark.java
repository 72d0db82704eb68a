package org.jointworks.bench;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jointworks.support.PostgisDatabase;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link ImportBenchmark} on PostGIS: the same file, the same HTTP import; then PostGIS's own
 * loads in the same run (issue 15 item 2: within 2× of them). First the rows alone: copied out
 * of the imported table as COPY text (outside the clock), then timed: {@code COPY} into a bare
 * table of the same columns, then the GiST index, the primary key, the district index and its
 * foreign key (the layer's whole schema) and ANALYZE, as a bulk load is done by hand. Then the same GeoJSON file through GDAL's {@code ogr2ogr} (COPY, GiST index),
 * the standard way to load a file into PostGIS, when it is installed.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgis")
@EnabledIfEnvironmentVariable(named = PostgisDatabase.URL_VARIABLE, matches = ".+")
class PostgisImportBenchmark extends ImportBenchmark {
  @Autowired
  DataSource dataSource;

  @DynamicPropertySource
  static void postgis(DynamicPropertyRegistry registry) {
    Stores.postgis(registry, "bench_import", false);
  }

  /**
   * With {@code -Dbench.empty-each=true}, every import after the first goes into an emptied
   * layer too (TRUNCATE, behind the service's back: only the import's time is read afterwards),
   * so the second row is the first import's path with the JIT warm, not a load into a filled
   * table with its indexes kept row by row.
   */
  @Override
  void beforeImport(int k) throws Exception {
    if (k > 1 && Boolean.getBoolean("bench.empty-each")) {
      try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
        st.execute("TRUNCATE communities CASCADE");
      }
    }
  }

  /**
   * PostgreSQL's own load, timed once the service is quiet again (its JIT, and the snapshot it
   * prepares from the import's hand-over), three times: the median. Timed once right after the
   * import it took 0.83–1.58 s for the same rows on this 2-core machine, and that spread, not the
   * import's, decided whether a run met the ratio (decision 112).
   */
  @Override
  double[] referenceLoadSeconds(Path file) throws Exception {
    ChunkedRows rows = lastImportsRows();
    quietService();
    double[] loads = {rowsLoad(rows), rowsLoad(rows), rowsLoad(rows)};
    Arrays.sort(loads);
    return new double[] {loads[1], ogr2ogr(file)};
  }

  private double ogr2ogr(Path file) throws Exception {
    URI url = URI.create(PostgisDatabase.url().substring("jdbc:".length()));
    String user = url.getQuery() == null ? "postgres"
        : url.getQuery().replaceAll(".*user=([^&]*).*", "$1");
    String table = "ogr_reference_" + UUID.randomUUID().toString().substring(0, 8);
    List<String> command = List.of("ogr2ogr", "-f", "PostgreSQL", "PG:host=" + url.getHost()
        + " port=" + url.getPort() + " dbname=" + url.getPath().substring(1) + " user=" + user,
        file.toString(), "-nln", table, "-a_srs", "EPSG:4490", "-lco", "GEOMETRY_NAME=geom",
        "-lco", "SPATIAL_INDEX=GIST", "-lco", "FID=id", "--config", "PG_USE_COPY", "YES");
    long t0 = System.nanoTime();
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (java.io.IOException e) {
      return Double.NaN; // GDAL is not installed here
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("ogr2ogr failed: " + out);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      st.execute("DROP TABLE public." + table);
    }
    return seconds;
  }

  /** The last import's rows (the newest ids), however many imports came before, as COPY text. */
  private ChunkedRows lastImportsRows() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      ChunkedRows rows = new ChunkedRows();
      c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT * FROM communities"
          + " ORDER BY id DESC LIMIT " + COMMUNITIES + ") TO STDOUT", rows);
      return rows;
    }
  }

  private double rowsLoad(ChunkedRows rows) throws Exception {
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      st.execute("DROP TABLE IF EXISTS reference_load");
      st.execute("CREATE TABLE reference_load (LIKE communities)");
      long t0 = System.nanoTime();
      copy.copyIn("COPY reference_load FROM STDIN", rows.read());
      st.execute("CREATE INDEX ON reference_load USING GIST (geom)");
      st.execute("ALTER TABLE reference_load ADD PRIMARY KEY (id)");
      // The rest of the layer's schema, as a bulk load into the same table must end with it.
      st.execute("CREATE INDEX ON reference_load (district)");
      st.execute("ALTER TABLE reference_load ADD FOREIGN KEY (district) REFERENCES"
          + " districts (code)");
      st.execute("ANALYZE reference_load");
      double seconds = (System.nanoTime() - t0) / 1e9;
      st.execute("DROP TABLE reference_load");
      return seconds;
    }
  }

  /**
   * The rows in memory in pieces of 256 KB, below G1's humongous size: one growing 96 MB array
   * (and its copy) was 350 MB of humongous objects in the service's own JVM between imports,
   * each allocation a collection that may start a concurrent mark, which then ran during the
   * next timed import (0.55 CPU-s of "G1 Conc" in every import after the first). A service's
   * heap holds no such thing: the benchmark's own garbage is kept out of what it measures.
   */
  private static final class ChunkedRows extends OutputStream {
    private static final int PIECE = 256 * 1024;
    private final List<byte[]> pieces = new ArrayList<>();
    private int used = PIECE;

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      while (len > 0) {
        if (used == PIECE) {
          pieces.add(new byte[PIECE]);
          used = 0;
        }
        int n = Math.min(len, PIECE - used);
        System.arraycopy(b, off, pieces.get(pieces.size() - 1), used, n);
        used += n;
        off += n;
        len -= n;
      }
    }

    InputStream read() {
      List<InputStream> parts = new ArrayList<>();
      for (int i = 0; i < pieces.size(); i++) {
        parts.add(new ByteArrayInputStream(pieces.get(i), 0,
            i == pieces.size() - 1 ? used : PIECE));
      }
      return new SequenceInputStream(Collections.enumeration(parts));
    }
  }
}
