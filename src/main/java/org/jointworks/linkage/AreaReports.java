package org.jointworks.linkage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jointworks.geo.Crs;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Layer;
import org.jointworks.layers.MetricLayer;
import org.jointworks.linkage.Reports.AreaReport;
import org.jointworks.linkage.Reports.FacilityGaps;
import org.jointworks.linkage.Reports.FacilityNear;
import org.jointworks.linkage.Reports.KindCheck;
import org.jointworks.linkage.Reports.MemberShare;
import org.jointworks.linkage.Reports.Overlap;
import org.jointworks.linkage.Reports.PipelineInside;
import org.jointworks.linkage.Reports.Totals;
import org.jointworks.linkage.Reports.WorkInside;
import org.jointworks.linkage.engine.AreaContents;
import org.jointworks.system.JointWorksUser;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;

/**
 * Builds the report of an area (stored, drawn or a community's own polygon) from the in-memory
 * snapshots, without touching the store: members and partial members, their totals, pipelines
 * and works inside, facilities within walking distance and the kinds missing. Thread-safe.
 */
@Component
class AreaReports {
  /** A community is a member when at least this share of its area lies inside. */
  static final double MEMBER_SHARE = 0.5;
  /** Overlaps smaller than this are edge noise of a drawing, not a partial member. */
  static final double MIN_PARTIAL_M2 = 1.0;

  private final Snapshots snapshots;

  AreaReports(Snapshots snapshots) {
    this.snapshots = snapshots;
  }

  /** The area's report; {@code lonLat} is the area in EPSG:4490. */
  AreaReport report(Geometry lonLat, double walkMeters, List<Overlap> overlaps) {
    Geometry metric = toMetric(lonLat);
    AreaContents contents = new AreaContents(metric);
    MetricLayer communities = snapshots.communities();
    List<MemberShare> members = new ArrayList<>();
    List<MemberShare> partial = new ArrayList<>();
    List<Feature> memberFeatures = new ArrayList<>();
    for (AreaContents.Hit hit : contents.shares(communities)) {
      Feature f = communities.features().get(hit.position());
      MemberShare share = new MemberShare(f.id(), f.text("name"), f.text("district"),
          Reports.round(hit.value(), 4));
      if (hit.value() >= MEMBER_SHARE) {
        members.add(share);
        memberFeatures.add(f);
      } else if (hit.value() * communities.metric().get(hit.position()).getArea()
          >= MIN_PARTIAL_M2) {
        partial.add(share);
      }
    }
    List<PipelineInside> pipelines = null;
    Map<String, Double> byUtility = null;
    if (JointWorksUser.current().isPresent()) {
      pipelines = new ArrayList<>();
      byUtility = new LinkedHashMap<>();
      MetricLayer layer = snapshots.layer(Layer.PIPELINES);
      for (AreaContents.Hit hit : contents.lengthsInside(layer)) {
        Feature f = layer.features().get(hit.position());
        pipelines.add(new PipelineInside(f.id(), f.text("utility"), f.text("owner"),
            Reports.round(hit.value(), 2)));
        byUtility.merge(f.text("utility"), hit.value(), Double::sum);
      }
      byUtility.replaceAll((k, v) -> Reports.round(v, 2));
    }
    List<WorkInside> works = new ArrayList<>();
    MetricLayer worksLayer = snapshots.layer(Layer.WORKS);
    for (AreaContents.Hit hit : contents.within(worksLayer, 0)) {
      Feature f = worksLayer.features().get(hit.position());
      works.add(new WorkInside(f.id(), f.text("utility"), f.text("owner"), f.text("kind"),
          f.text("status"), f.text("start_date"), f.text("end_date")));
    }
    works.sort((a, b) -> Long.compare(a.id(), b.id()));
    List<FacilityNear> facilities = facilitiesWithin(contents, walkMeters);
    return new AreaReport(Reports.round(metric.getArea(), 1), walkMeters, members, partial,
        totals(memberFeatures), pipelines, byUtility, works, facilities,
        missing(facilities), overlaps);
  }

  /** Which facility kinds are within {@code walkMeters} of {@code lonLat}, and which are not. */
  FacilityGaps gaps(String subject, long id, Geometry lonLat, double walkMeters) {
    List<FacilityNear> near = facilitiesWithin(new AreaContents(toMetric(lonLat)), walkMeters);
    List<KindCheck> kinds = new ArrayList<>();
    for (String kind : checkedKinds()) {
      FacilityNear nearest = near.stream().filter(f -> kind.equals(f.kind())).findFirst()
          .orElse(null);
      kinds.add(new KindCheck(kind, nearest != null, nearest));
    }
    List<String> missing = kinds.stream().filter(k -> !k.present()).map(KindCheck::kind).toList();
    return new FacilityGaps(subject, id, walkMeters, kinds, missing);
  }

  /** The facilities within walking distance, nearest first. */
  List<FacilityNear> facilitiesWithin(AreaContents contents, double walkMeters) {
    MetricLayer layer = snapshots.layer(Layer.FACILITIES);
    List<FacilityNear> out = new ArrayList<>();
    for (AreaContents.Hit hit : contents.within(layer, walkMeters)) {
      Feature f = layer.features().get(hit.position());
      out.add(new FacilityNear(f.id(), f.text("kind"), f.text("name"),
          Reports.round(hit.value(), 1)));
    }
    return out;
  }

  List<String> missing(List<FacilityNear> near) {
    Set<String> present = new LinkedHashSet<>();
    near.forEach(f -> present.add(f.kind()));
    return checkedKinds().stream().filter(k -> !present.contains(k)).toList();
  }

  private List<String> checkedKinds() {
    MetricLayer layer = snapshots.layer(Layer.FACILITIES);
    return FacilityKinds.withDataKinds(
        layer.features().stream().map(f -> f.text("kind")).distinct().toList());
  }

  static Totals totals(List<Feature> members) {
    long households = 0;
    long buildings = 0;
    double floor = 0;
    for (Feature f : members) {
      households += number(f.get("households")).longValue();
      buildings += number(f.get("buildings")).longValue();
      floor += number(f.get("floor_area_m2")).doubleValue();
    }
    return new Totals(members.size(), households, buildings, Reports.round(floor, 2));
  }

  private static Number number(Object v) {
    return v instanceof Number n ? n : 0;
  }

  Geometry toMetric(Geometry lonLat) {
    return Crs.transform(lonLat, Crs.LONLAT, snapshots.communities().metricEpsg());
  }
}
