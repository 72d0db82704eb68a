package org.jointworks.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jointworks.system.ProcessDirectories;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring test context at a store: a fresh embedded H2GIS directory, or a fresh schema in
 * the PostGIS of {@link PostgisDatabase}. Call from a {@code @DynamicPropertySource} method.
 */
public final class Stores {
  private Stores() {}

  /** An empty H2GIS store with the demo users; {@code sampleCity} loads the sample city too. */
  public static void h2gis(DynamicPropertyRegistry registry, boolean sampleCity) {
    try {
      // Named for this JVM: surefire ends it with System.exit and the store stays behind (about
      // 700 MB a full test run); the next test JVM deletes the directories of JVMs that are gone.
      String dir = ProcessDirectories.create(Path.of(System.getProperty("java.io.tmpdir")),
          "jointworks-h2gis-").toString();
      registry.add("jointworks.data-dir", () -> dir);
      registry.add("jointworks.sample-data", () -> Boolean.toString(sampleCity));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A new schema in the test PostGIS with the demo users (use with
   * {@code @ActiveProfiles("postgis")}); {@code sampleCity} loads the sample city too.
   */
  public static void postgis(DynamicPropertyRegistry registry, String schemaPrefix,
      boolean sampleCity) {
    String url = PostgisDatabase.freshSchemaUrl(schemaPrefix);
    registry.add("spring.datasource.url", () -> url);
    registry.add("jointworks.demo-users", () -> "true");
    registry.add("jointworks.sample-data", () -> Boolean.toString(sampleCity));
  }
}
