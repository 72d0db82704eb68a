package org.jointworks.linkage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jointworks.cluster.StoreLocks;
import org.jointworks.geo.Crs;
import org.jointworks.geo.Geometries;
import org.jointworks.linkage.Reports.AreaReport;
import org.jointworks.linkage.Reports.FacilityGaps;
import org.jointworks.linkage.Reports.Overlap;
import org.jointworks.system.ApiException;
import org.jointworks.system.Audit;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The joint areas planners draw: validation (a valid polygon inside the city), the overlap rule,
 * optimistic locking by version, and an audit record in the same transaction as each write.
 *
 * <p>Writes are serialised by a lock held across the whole transaction, so two planners cannot
 * both pass the overlap check with areas that overlap each other: a JVM lock, and on PostGIS
 * also the store's advisory lock, taken first in the transaction, so instances sharing the store
 * serialise too and each check sees the areas stored under the lock before it (decision 37).
 * Reads take no lock. Thread-safe.
 */
@Service
class LinkedAreaService {
  /** An overlap with another stored area up to this many m² is drawing noise along a shared edge. */
  static final double OVERLAP_TOLERANCE_M2 = 50;
  /** The city is the extent of its communities and districts grown by this margin. */
  static final double CITY_MARGIN_METERS = 5000;

  private final LinkedAreaRepository repository;
  private final AreaReports reports;
  private final Snapshots snapshots;
  private final org.jointworks.layers.FeatureRepository features;
  private final Audit audit;
  private final GeometryJson geometryJson;
  private final TransactionTemplate transactions;
  private final ReentrantLock writes = new ReentrantLock();
  private final StoreLocks locks;

  LinkedAreaService(LinkedAreaRepository repository, AreaReports reports, Snapshots snapshots,
      org.jointworks.layers.FeatureRepository features, Audit audit, GeometryJson geometryJson,
      PlatformTransactionManager transactionManager, StoreLocks locks) {
    this.repository = repository;
    this.reports = reports;
    this.snapshots = snapshots;
    this.features = features;
    this.audit = audit;
    this.geometryJson = geometryJson;
    this.transactions = new TransactionTemplate(transactionManager);
    this.locks = locks;
  }

  /** A drawn area as the request gave it. */
  record Draft(String name, String note, Geometry geometry, boolean allowOverlap) {}

  List<LinkedArea> list() {
    return repository.findAll();
  }

  LinkedArea get(long id) {
    return repository.find(id).orElseThrow(() -> ApiException.notFound("linked area " + id));
  }

  LinkedArea create(Draft draft) {
    checkGeometry(draft.geometry());
    return underLock(() -> {
      checkOverlap(draft, null);
      Instant now = Instant.now();
      String actor = Audit.currentActor();
      long id = repository.insert(draft.name(), draft.note(), draft.geometry(), actor, now);
      LinkedArea stored = get(id);
      audit.record("create", "linked_areas", id, null, json(stored));
      return stored;
    });
  }

  /**
   * @param stalePrecondition whether the version came from If-Match (stale answers 412) or from
   *     the body (stale answers 409)
   */
  LinkedArea replace(long id, long expectedVersion, Draft draft, boolean stalePrecondition) {
    checkGeometry(draft.geometry());
    return underLock(() -> {
      LinkedArea before = get(id);
      if (before.version() != expectedVersion) {
        throw stale(id, stalePrecondition);
      }
      checkOverlap(draft, id);
      if (!repository.update(id, expectedVersion, draft.name(), draft.note(), draft.geometry(),
          Audit.currentActor(), Instant.now())) {
        throw stale(id, stalePrecondition);
      }
      LinkedArea after = get(id);
      audit.record("update", "linked_areas", id, json(before), json(after));
      return after;
    });
  }

  void delete(long id, long expectedVersion, boolean stalePrecondition) {
    underLock(() -> {
      LinkedArea before = get(id);
      if (before.version() != expectedVersion || !repository.delete(id, expectedVersion)) {
        throw stale(id, stalePrecondition);
      }
      audit.record("delete", "linked_areas", id, json(before), null);
      return null;
    });
  }

  AreaReport report(long id, double walkMeters) {
    LinkageService.checkWalk(walkMeters);
    return reports.report(get(id).geometry(), walkMeters, null);
  }

  FacilityGaps gaps(long id, double walkMeters) {
    LinkageService.checkWalk(walkMeters);
    return reports.gaps("linked-area", id, get(id).geometry(), walkMeters);
  }

  /** The report of a drawn area without storing it, with the stored areas it overlaps. */
  AreaReport preview(Draft draft, double walkMeters) {
    LinkageService.checkWalk(walkMeters);
    checkGeometry(draft.geometry());
    return reports.report(draft.geometry(), walkMeters, overlaps(draft.geometry(), null));
  }

  /** 422 with the reason unless {@code g} is a valid polygon inside the city. */
  void checkGeometry(Geometry g) {
    if (!(g instanceof Polygon || g instanceof MultiPolygon)) {
      throw unprocessable("a linked area must be a Polygon or MultiPolygon, not "
          + (g == null ? "nothing" : g.getGeometryType()));
    }
    Geometries.problemOf(g).ifPresent(p -> {
      throw unprocessable(p);
    });
    Envelope city = cityExtent();
    if (city != null) {
      Geometry metric = reports.toMetric(g);
      if (!city.covers(metric.getEnvelopeInternal())) {
        throw unprocessable("the area lies outside the city (the extent of its communities and"
            + " districts grown by " + (int) CITY_MARGIN_METERS + " m)");
      }
    }
  }

  /** The city's metric extent with its margin, or null when the store holds no geometry yet. */
  private Envelope cityExtent() {
    var communities = snapshots.communities();
    Envelope e = new Envelope();
    if (communities.size() > 0) {
      e.expandToInclude((Envelope) communities.index().getRoot().getBounds());
    }
    for (var d : features.findAll(org.jointworks.layers.Layer.DISTRICTS)) {
      if (d.geometry() != null) {
        e.expandToInclude(Crs.transform(d.geometry(), Crs.LONLAT, communities.metricEpsg())
            .getEnvelopeInternal());
      }
    }
    if (e.isNull()) {
      return null;
    }
    e.expandBy(CITY_MARGIN_METERS);
    return e;
  }

  private void checkOverlap(Draft draft, Long self) {
    if (draft.allowOverlap()) {
      return;
    }
    List<Overlap> overlaps = overlaps(draft.geometry(), self).stream()
        .filter(o -> o.overlapM2() > OVERLAP_TOLERANCE_M2).toList();
    if (!overlaps.isEmpty()) {
      throw new ApiException(HttpStatus.CONFLICT, "the area overlaps stored linked areas by more"
          + " than " + (int) OVERLAP_TOLERANCE_M2 + " m²; redraw it or send \"allowOverlap\": true",
          null, java.util.Map.of("overlaps", overlaps));
    }
  }

  /** The stored areas (other than {@code self}) that {@code lonLat} overlaps, with the area. */
  List<Overlap> overlaps(Geometry lonLat, Long self) {
    Geometry metric = reports.toMetric(lonLat);
    List<Overlap> out = new ArrayList<>();
    for (LinkedArea other : repository.findNear(lonLat.getEnvelopeInternal())) {
      if (self != null && other.id() == self) {
        continue;
      }
      double m2 = OverlayNGRobust.overlay(metric, reports.toMetric(other.geometry()),
          OverlayNG.INTERSECTION).getArea();
      if (m2 > 0) {
        out.add(new Overlap(other.id(), other.name(), Reports.round(m2, 1)));
      }
    }
    return out;
  }

  private <T> T underLock(java.util.function.Supplier<T> work) {
    writes.lock();
    try {
      return transactions.execute(status -> {
        locks.lockForTransaction("linked_areas");
        return work.get();
      });
    } finally {
      writes.unlock();
    }
  }

  private static ApiException stale(long id, boolean precondition) {
    return new ApiException(precondition ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT,
        "linked area " + id + " was changed by someone else since you read it;"
            + " read it again and reapply your change");
  }

  private static ApiException unprocessable(String reason) {
    return ApiException.unprocessable("the linked area is not valid: " + reason, List.of(reason));
  }

  /** The area as GeoJSON text, for the audit log. */
  String json(LinkedArea a) {
    return LinkedAreaJson.feature(a, geometryJson).toString();
  }
}
