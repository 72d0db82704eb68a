package org.jointworks.coordination;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.jointworks.geo.Crs;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.layers.Layer;
import org.jointworks.layers.MetricLayer;
import org.jointworks.layers.MetricLayers;
import org.jointworks.system.ApiException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.stereotype.Component;

/**
 * Which features of a layer lie in a district. A feature is in a district when it intersects the
 * district's boundary polygon (if the district has one) or any community of that district. A
 * district without a boundary and without communities holds nothing. Thread-safe.
 */
@Component
class DistrictAreas {
  private final MetricLayers layers;
  private final FeatureRepository repository;

  DistrictAreas(MetricLayers layers, FeatureRepository repository) {
    this.layers = layers;
    this.repository = repository;
  }

  /** Positions in {@code layer} of the features in district {@code code}; 400 if unknown. */
  BitSet positionsIn(String code, MetricLayer layer) {
    // Districts are read from the store, not from MetricLayers: districts without a boundary
    // (the reference CSV has none) have null geometries, which MetricLayer does not accept.
    List<Geometry> areas = new ArrayList<>();
    boolean known = false;
    for (Feature d : repository.findAll(Layer.DISTRICTS)) {
      if (code.equals(d.text("code"))) {
        known = true;
        if (d.geometry() != null) {
          areas.add(Crs.transform(d.geometry(), Crs.LONLAT, layer.metricEpsg()));
        }
      }
    }
    if (!known) {
      throw ApiException.badRequest("unknown district '" + code + "'");
    }
    MetricLayer communities = layers.current(Layer.COMMUNITIES);
    for (int i = 0; i < communities.size(); i++) {
      Feature c = communities.features().get(i);
      if (code.equals(c.text("district")) && communities.metric().get(i) != null) {
        areas.add(communities.metric().get(i));
      }
    }
    BitSet in = new BitSet(layer.size());
    for (Geometry area : areas) {
      PreparedGeometry prepared = PreparedGeometryFactory.prepare(area);
      for (int j : layer.candidates(area.getEnvelopeInternal())) {
        if (!in.get(j) && prepared.intersects(layer.metric().get(j))) {
          in.set(j);
        }
      }
    }
    return in;
  }
}
