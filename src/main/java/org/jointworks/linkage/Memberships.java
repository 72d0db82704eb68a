package org.jointworks.linkage;

import java.util.Set;
import java.util.TreeSet;
import org.jointworks.geo.Crs;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.layers.Layer;
import org.jointworks.layers.MetricLayers;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.springframework.stereotype.Component;

/**
 * Which stored linked areas a community is a member of, by the report's rule: at least
 * {@link AreaReports#MEMBER_SHARE} of the community's area lies inside, measured in the metric CRS.
 * Members are not stored (an area is a drawn polygon; communities change under it), so this is
 * computed per question: one community's polygon against the few areas whose bounding box meets
 * it (the spatial index answers), reading the store, never a stale snapshot. Thread-safe.
 */
@Component
class Memberships {
  private final FeatureRepository features;
  private final LinkedAreaRepository areas;
  private final int metricEpsg;

  Memberships(FeatureRepository features, LinkedAreaRepository areas, MetricLayers layers) {
    this.features = features;
    this.areas = areas;
    this.metricEpsg = layers.metricEpsg();
  }

  /** The ids of the areas {@code communityId} is a member of; none for an unknown community. */
  Set<Long> areasOf(long communityId) {
    Set<Long> ids = new TreeSet<>();
    Feature community = features.find(Layer.COMMUNITIES, communityId).orElse(null);
    if (community == null || community.geometry() == null) {
      return ids;
    }
    Geometry metric = Crs.transform(community.geometry(), Crs.LONLAT, metricEpsg);
    double own = metric.getArea();
    if (own == 0) {
      return ids;
    }
    for (LinkedArea area : areas.findNear(community.geometry().getEnvelopeInternal())) {
      Geometry a = Crs.transform(area.geometry(), Crs.LONLAT, metricEpsg);
      double inside = OverlayNGRobust.overlay(a, metric, OverlayNG.INTERSECTION).getArea();
      if (inside / own >= AreaReports.MEMBER_SHARE) {
        ids.add(area.id());
      }
    }
    return ids;
  }
}
