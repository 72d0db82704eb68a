package org.jointworks.linkage;

import org.jointworks.support.Stores;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The OGC collection {@code linked-areas} on the embedded H2GIS store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OgcLinkedAreasH2gisTest extends OgcLinkedAreasContract {
  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
  }
}
