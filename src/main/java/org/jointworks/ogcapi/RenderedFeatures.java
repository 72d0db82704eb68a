package org.jointworks.ogcapi;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import org.jointworks.layers.Feature;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * Each stored feature's GeoJSON in CRS84 as the items page writes it, kept per feature object
 * (decision 94). Writing the coordinates' doubles was most of an items page's time (JFR,
 * docs/benchmarks.md); a feature object of a layer snapshot is immutable and a new one replaces
 * it after every write, so its bytes are keyed by identity (weak keys: they leave with the
 * snapshot that held them) and can never be stale. Bounded by bytes, and the values are soft so
 * a heap under pressure drops them first. Thread-safe.
 */
@Component
class RenderedFeatures {
  private final Cache<Feature, byte[]> bytes;
  private final ObjectMapper json;

  RenderedFeatures(ObjectMapper json,
      @Value("${jointworks.ogcapi.rendered-features-bytes:67108864}") long maxBytes) {
    this.json = json;
    this.bytes = Caffeine.newBuilder().weakKeys().softValues().maximumWeight(maxBytes)
        .weigher((Feature f, byte[] b) -> b.length + 64).build();
  }

  /** {@code f} as a GeoJSON feature in CRS84 with a numeric id, without links. */
  byte[] crs84(Feature f) {
    return bytes.get(f, this::render);
  }

  private byte[] render(Feature f) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator g = json.createGenerator(out)) {
      GeoJsonOut.feature(f, FeatureIds.NUMERIC, OgcCrs.CRS84, null, g);
    }
    return out.toByteArray();
  }
}
