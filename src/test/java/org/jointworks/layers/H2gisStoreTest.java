package org.jointworks.layers;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The store contract on the embedded H2GIS store, in a fresh data directory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class H2gisStoreTest extends StoreContract {
  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) throws Exception {
    Path dir = Files.createTempDirectory("jointworks-h2gis");
    registry.add("jointworks.data-dir", dir::toString);
    registry.add("jointworks.sample-data", () -> "false");
  }
}
