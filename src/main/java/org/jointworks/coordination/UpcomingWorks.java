package org.jointworks.coordination;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jointworks.geo.Crs;
import org.jointworks.geo.Geometries;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Layer;
import org.jointworks.layers.MetricLayer;
import org.jointworks.layers.MetricLayers;
import org.jointworks.layers.PublicWorks;
import org.jointworks.organisations.Organisation;
import org.jointworks.organisations.OrganisationService;
import org.jointworks.system.ApiException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The citizens' list of works near a place or on a street over the coming days (issue 13,
 * "the public works view"): approved and in-progress works only ({@link PublicWorks}), whose
 * dates meet [from, to] (by default the server's today and the next 30 days), within a radius of
 * a point and/or on a street whose name contains the text; each with its street, traffic impact
 * and contact, nearest first when a point is given, else soonest first. Reads the works snapshot
 * ({@link MetricLayers}); never a pipeline. Thread-safe.
 */
@Service
class UpcomingWorks {
  static final int MAX_RADIUS_METERS = 20_000;
  static final int MAX_DAYS = 366;
  static final int MAX_LIMIT = 1000;

  private final MetricLayers layers;
  private final OrganisationService organisations;
  private final Clock clock = Clock.systemDefaultZone();

  UpcomingWorks(MetricLayers layers, OrganisationService organisations) {
    this.layers = layers;
    this.organisations = organisations;
  }

  /** A validated question; every refusal has its code. */
  record Query(Double lon, Double lat, double radiusMeters, String street, LocalDate from,
      LocalDate to, int limit) {}

  /** One work as the public list shows it. */
  record Entry(long id, String utility, String owner, String ownerName, String kind,
      String status, String startDate, String endDate, String street, String trafficImpact,
      String contact, Double distanceMeters, double lon, double lat) {}

  Query query(String near, Double radiusMeters, String street, LocalDate from, LocalDate to,
      Integer days, Integer limit) {
    Double lon = null;
    Double lat = null;
    if (near != null && !near.isBlank()) {
      String[] p = near.split(",");
      try {
        lon = Double.parseDouble(p[0].trim());
        lat = Double.parseDouble(p[1].trim());
      } catch (RuntimeException e) {
        throw bad("public_works.near", "near is lon,lat in degrees (EPSG:4490)");
      }
      if (p.length != 2 || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
        throw bad("public_works.near", "near is lon,lat in degrees (EPSG:4490)");
      }
    }
    double radius = radiusMeters == null ? 1000 : radiusMeters;
    if (!(radius > 0 && radius <= MAX_RADIUS_METERS)) {
      throw bad("public_works.radius", "radiusMeters must be in (0, " + MAX_RADIUS_METERS + "]");
    }
    String s = street == null || street.isBlank() ? null : street.strip();
    if (s != null && s.length() > 100) {
      throw bad("public_works.street", "street has at most 100 characters");
    }
    int d = days == null ? 30 : days;
    if (d < 0 || d > MAX_DAYS) {
      throw bad("public_works.days", "days must be between 0 and " + MAX_DAYS);
    }
    LocalDate start = from != null ? from : LocalDate.now(clock);
    LocalDate end = to != null ? to : start.plusDays(d);
    if (end.isBefore(start)) {
      throw bad("public_works.dates", "to is before from");
    }
    int n = limit == null ? 200 : limit;
    if (n < 1 || n > MAX_LIMIT) {
      throw bad("public_works.limit", "limit must be between 1 and " + MAX_LIMIT);
    }
    return new Query(lon, lat, radius, s, start, end, n);
  }

  List<Entry> list(Query q) {
    MetricLayer works = layers.current(Layer.WORKS);
    Map<String, String> names = new HashMap<>();
    for (Organisation o : organisations.list()) {
      names.put(o.code(), o.name());
    }
    Point at = null;
    Iterable<Integer> candidates;
    if (q.lon() != null) {
      double[] xy = Crs.transform(Crs.LONLAT, works.metricEpsg(), q.lon(), q.lat());
      at = Geometries.METRIC.createPoint(new Coordinate(xy[0], xy[1]));
      Envelope e = new Envelope(xy[0], xy[0], xy[1], xy[1]);
      e.expandBy(q.radiusMeters());
      candidates = works.candidates(e);
    } else {
      List<Integer> all = new ArrayList<>();
      for (int i = 0; i < works.size(); i++) {
        all.add(i);
      }
      candidates = all;
    }
    String wanted = q.street() == null ? null : q.street().toLowerCase(Locale.ROOT);
    List<Entry> out = new ArrayList<>();
    for (int i : candidates) {
      Feature f = works.features().get(i);
      Geometry metric = works.metric().get(i);
      LocalDate s = (LocalDate) f.get("start_date");
      LocalDate e = (LocalDate) f.get("end_date");
      if (!PublicWorks.shown(f) || metric == null || s.isAfter(q.to()) || e.isBefore(q.from())) {
        continue;
      }
      String street = f.text("street");
      if (wanted != null && (street == null
          || !street.toLowerCase(Locale.ROOT).contains(wanted))) {
        continue;
      }
      Double distance = null;
      if (at != null) {
        distance = metric.distance(at);
        if (distance > q.radiusMeters()) {
          continue;
        }
        distance = Math.round(distance * 10) / 10.0;
      }
      Coordinate c = f.geometry().getInteriorPoint().getCoordinate();
      out.add(new Entry(f.id(), f.text("utility"), f.text("owner"), names.get(f.text("owner")),
          f.text("kind"), f.text("status"), s.toString(), e.toString(), street,
          f.text("traffic_impact"), f.text("contact"), distance,
          Math.round(c.x * 1e7) / 1e7, Math.round(c.y * 1e7) / 1e7));
    }
    Comparator<Entry> order = at != null
        ? Comparator.comparing(Entry::distanceMeters).thenComparing(Entry::startDate)
        : Comparator.comparing(Entry::startDate).thenComparing(Entry::id);
    out.sort(order.thenComparing(Entry::id));
    return out.size() > q.limit() ? List.copyOf(out.subList(0, q.limit())) : out;
  }

  private static ApiException bad(String code, String message) {
    return ApiException.of(HttpStatus.BAD_REQUEST, code, message, Map.of());
  }
}
