package org.jointworks.linkage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jointworks.geo.Crs;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.layers.MetricLayer;
import org.jointworks.linkage.Reports.FacilityGaps;
import org.jointworks.linkage.Reports.FacilityNear;
import org.jointworks.linkage.Reports.SharedFacility;
import org.jointworks.linkage.Reports.Suggestion;
import org.jointworks.linkage.engine.AdjacentPair;
import org.jointworks.linkage.engine.AreaContents;
import org.jointworks.linkage.engine.Facets;
import org.jointworks.linkage.engine.Grouping;
import org.jointworks.linkage.engine.Outline;
import org.jointworks.system.ApiException;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;

/**
 * Neighbours, suggested joint areas and a community's facility gaps, all computed on the
 * in-memory snapshot of the communities (never older than the last committed write).
 * Thread-safe.
 */
@Service
class LinkageService {
  /** Larger gaps would make every block a neighbour of every other and the answer huge. */
  static final double MAX_GAP_METERS = 500;
  static final double MAX_WALK_METERS = 5000;

  private final Snapshots snapshots;
  private final AreaReports reports;
  private final FeatureRepository features;
  private final GeometryJson geometryJson;

  LinkageService(Snapshots snapshots, AreaReports reports, FeatureRepository features,
      GeometryJson geometryJson) {
    this.snapshots = snapshots;
    this.reports = reports;
    this.features = features;
    this.geometryJson = geometryJson;
  }

  /** Every neighbouring pair, optionally those with at least one member in {@code district}. */
  List<AdjacentPair> adjacency(double gapMeters, String district) {
    checkGap(gapMeters);
    MetricLayer communities = snapshots.communities();
    if (district == null) {
      return snapshots.allPairs(communities, gapMeters);
    }
    checkDistrict(district);
    return snapshots.engine(communities).pairs(gapMeters,
        i -> district.equals(communities.features().get(i).text("district")));
  }

  /** The neighbours of community {@code id}, nearest first. */
  List<AdjacentPair> neighbours(long id, double gapMeters) {
    checkGap(gapMeters);
    MetricLayer communities = snapshots.communities();
    return snapshots.engine(communities).neighbours(position(communities, id), gapMeters);
  }

  FacilityGaps communityGaps(long id, double walkMeters) {
    checkWalk(walkMeters);
    MetricLayer communities = snapshots.communities();
    Feature f = communities.features().get(position(communities, id));
    return reports.gaps("community", id, f.geometry(), walkMeters);
  }

  /** Groups of neighbours as candidate joint areas, largest first. */
  List<Suggestion> suggestions(double gapMeters, String district, int minMembers,
      int maxMembers, double walkMeters, int limit) {
    checkGap(gapMeters);
    checkWalk(walkMeters);
    if (minMembers < 1 || maxMembers < 0 || (maxMembers > 0 && maxMembers < minMembers)) {
      throw ApiException.badRequest(
          "need minMembers >= 1 and, when given, maxMembers >= minMembers");
    }
    MetricLayer communities = snapshots.communities();
    Map<Long, Integer> positions = new HashMap<>();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < communities.size(); i++) {
      Feature f = communities.features().get(i);
      positions.put(f.id(), i);
      if (district == null || district.equals(f.text("district"))) {
        ids.add(f.id());
      }
    }
    if (district != null) {
      checkDistrict(district);
    }
    List<AdjacentPair> pairs = adjacency(gapMeters, district);
    List<List<Long>> groups = Grouping.groups(ids, pairs, minMembers, maxMembers);
    List<Suggestion> out = new ArrayList<>();
    for (List<Long> group : groups.subList(0, Math.min(limit, groups.size()))) {
      out.add(suggestion(communities, positions, group, pairs, gapMeters, walkMeters));
    }
    return out;
  }

  private Suggestion suggestion(MetricLayer communities, Map<Long, Integer> positions,
      List<Long> group, List<AdjacentPair> pairs, double gapMeters, double walkMeters) {
    List<Geometry> metric = new ArrayList<>();
    List<Feature> members = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (long id : group) {
      int p = positions.get(id);
      metric.add(communities.metric().get(p));
      members.add(communities.features().get(p));
      names.add(communities.features().get(p).text("name"));
    }
    java.util.Set<Long> inGroup = new java.util.HashSet<>(group);
    List<AdjacentPair> links = pairs.stream()
        .filter(p -> inGroup.contains(p.a()) && inGroup.contains(p.b())).toList();
    Geometry outline = Outline.of(metric, gapMeters);
    AreaContents contents = new AreaContents(outline);
    List<SharedFacility> shared = new ArrayList<>();
    Map<String, Integer> kinds = new TreeMap<>();
    List<Facets> memberFacets = metric.stream().map(Facets::new).toList();
    for (FacilityNear f : reports.facilitiesWithin(contents, walkMeters)) {
      Geometry point = snapshots.layer(org.jointworks.layers.Layer.FACILITIES).metric()
          .get(facilityPosition(f.id()));
      Facets pf = new Facets(point);
      int reach = 0;
      for (Facets m : memberFacets) {
        if (m.distance(pf) <= walkMeters) {
          reach++;
        }
      }
      if (reach > 0) {
        shared.add(new SharedFacility(f.id(), f.kind(), f.name(), f.distanceMeters(), reach));
        kinds.merge(f.kind(), 1, Integer::sum);
      }
    }
    Geometry outlineLonLat = Crs.transform(outline, communities.metricEpsg(), Crs.LONLAT);
    return new Suggestion(group, names, rounded(links), geometryJson.node(outlineLonLat),
        Reports.round(outline.getArea(), 1), AreaReports.totals(members), shared, kinds);
  }

  private int facilityPosition(long id) {
    MetricLayer layer = snapshots.layer(org.jointworks.layers.Layer.FACILITIES);
    return position(layer, id);
  }

  /** Pairs with gap and frontage rounded to the millimetre, as the API answers them. */
  static List<AdjacentPair> rounded(List<AdjacentPair> pairs) {
    return pairs.stream().map(p -> new AdjacentPair(p.a(), p.b(), Reports.round(p.gapMeters(), 3),
        Reports.round(p.frontageMeters(), 3))).toList();
  }

  /** The snapshot position of feature {@code id} (features are in id order); 404 if absent. */
  static int position(MetricLayer layer, long id) {
    List<Feature> fs = layer.features();
    int lo = 0;
    int hi = fs.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long v = fs.get(mid).id();
      if (v == id) {
        return mid;
      } else if (v < id) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    throw ApiException.notFound(layer.layer().id().replaceAll("ies$", "y")
        .replaceAll("s$", "") + " " + id);
  }

  private void checkDistrict(String district) {
    if (!features.districtCodes().contains(district)) {
      throw ApiException.notFound("district '" + district + "'");
    }
  }

  static void checkGap(double gapMeters) {
    if (!(gapMeters >= 0) || gapMeters > MAX_GAP_METERS) {
      throw ApiException.badRequest("gapMeters must be between 0 and " + (int) MAX_GAP_METERS);
    }
  }

  static void checkWalk(double walkMeters) {
    if (!(walkMeters > 0) || walkMeters > MAX_WALK_METERS) {
      throw ApiException.badRequest("walkMeters must be above 0 and at most "
          + (int) MAX_WALK_METERS);
    }
  }
}
