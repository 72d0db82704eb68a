package org.jointworks.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
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

  @Override
  double[] referenceLoadSeconds(Path file) throws Exception {
    return new double[] {rowsLoad(), ogr2ogr(file)};
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

  private double rowsLoad() throws Exception {
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      ByteArrayOutputStream rows = new ByteArrayOutputStream();
      // The last import's rows (the newest ids), however many imports came before.
      copy.copyOut("COPY (SELECT * FROM communities ORDER BY id DESC LIMIT " + COMMUNITIES
          + ") TO STDOUT", rows);
      st.execute("DROP TABLE IF EXISTS reference_load");
      st.execute("CREATE TABLE reference_load (LIKE communities)");
      long t0 = System.nanoTime();
      copy.copyIn("COPY reference_load FROM STDIN", new ByteArrayInputStream(rows.toByteArray()));
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
}
