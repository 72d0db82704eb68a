package org.jointworks.linkage;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The documents the linkage endpoints answer with. Immutable records; lengths in metres. */
final class Reports {
  private Reports() {}

  /** A community and how much of it lies inside an area (0..1). */
  record MemberShare(long id, String name, String district, double shareInside) {}

  /** Sums over member communities. */
  record Totals(int communities, long households, long buildings, double floorAreaM2) {}

  record PipelineInside(long id, String utility, String owner, double lengthInsideMeters) {}

  record WorkInside(long id, String utility, String owner, String kind, String status,
      String startDate, String endDate) {}

  /** A facility and its straight-line distance from the community or area (0 inside). */
  record FacilityNear(long id, String kind, String name, double distanceMeters) {}

  /** Whether a kind of facility is within walking distance, and the nearest one if so. */
  record KindCheck(String kind, boolean present, FacilityNear nearest) {}

  record FacilityGaps(String subject, long id, double walkMeters, List<KindCheck> kinds,
      List<String> missing) {}

  /** A stored area that a drawn one overlaps, with the overlap's area. */
  record Overlap(long id, String name, double overlapM2) {}

  /**
   * What a joint area holds. {@code pipelines} is left out (null) for anonymous callers: they are
   * critical infrastructure.
   */
  record AreaReport(double areaM2, double walkMeters, List<MemberShare> members,
      List<MemberShare> partialMembers, Totals totals, List<PipelineInside> pipelines,
      Map<String, Double> pipelineMetersByUtility, List<WorkInside> works,
      List<FacilityNear> facilities, List<String> missingFacilityKinds, List<Overlap> overlaps) {}

  /** One suggested joint area. */
  record Suggestion(List<Long> members, List<String> memberNames,
      List<org.jointworks.linkage.engine.AdjacentPair> links, JsonNode outline, double areaM2,
      Totals totals, List<SharedFacility> facilities, Map<String, Integer> facilityKinds) {}

  /** A facility near a suggested area and the number of its members within walking distance. */
  record SharedFacility(long id, String kind, String name, double distanceMeters,
      int membersWithinWalk) {}

  static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }
}
