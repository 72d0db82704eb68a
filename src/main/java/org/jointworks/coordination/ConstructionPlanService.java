package org.jointworks.coordination;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jointworks.coordination.engine.ConflictEngine;
import org.jointworks.coordination.engine.ConstructionPlan;
import org.jointworks.coordination.engine.PlanScheduler;
import org.jointworks.coordination.engine.PlanSettings;
import org.jointworks.geo.Crs;
import org.jointworks.geo.Geometries;
import org.jointworks.layers.Layer;
import org.jointworks.layers.MetricLayer;
import org.jointworks.layers.MetricLayers;
import org.jointworks.projects.ProgrammeProperties;
import org.jointworks.system.ApiException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.stereotype.Service;

/**
 * The coordinated construction plan of an area: the works that intersect it and are still to be
 * done (submitted, approved or in progress; drafts, refused, withdrawn, cancelled and completed
 * works need no digging), merged
 * into shared trenches and scheduled by {@link PlanScheduler}. Read-only; thread-safe.
 *
 * <p>The linked areas call {@link #plan(Polygon)} with their outline for
 * {@code GET /api/linked-areas/{id}/construction-plan}.
 */
@Service
public class ConstructionPlanService {
  private static final Set<String> TO_DO = Set.of("submitted", "approved", "in_progress");

  private final MetricLayers layers;
  private final CoordinationProperties settings;
  private final ProgrammeProperties programme;
  private final DistrictAreas districts;

  ConstructionPlanService(MetricLayers layers, CoordinationProperties settings,
      ProgrammeProperties programme, DistrictAreas districts) {
    this.layers = layers;
    this.settings = settings;
    this.programme = programme;
    this.districts = districts;
  }

  /**
   * The plan of a county (a district code): the works still to be done that lie in it, as
   * {@link DistrictAreas} reads "in" (its boundary, else its communities); 400 if unknown.
   */
  public ConstructionPlan planOfCounty(String code) {
    MetricLayer works = layers.current(Layer.WORKS);
    java.util.BitSet in = districts.positionsIn(code, works);
    List<PlanScheduler.PlanWork> inside = new ArrayList<>();
    for (int i = in.nextSetBit(0); i >= 0; i = in.nextSetBit(i + 1)) {
      var f = works.features().get(i);
      Geometry g = works.metric().get(i);
      if (g != null && TO_DO.contains(f.text("status"))) {
        inside.add(new PlanScheduler.PlanWork(ConflictEngine.refOf(f), g, f.geometry()));
      }
    }
    return PlanScheduler.plan(inside, planSettings());
  }

  /** The plan of a polygon given in lon/lat (EPSG:4490). */
  public ConstructionPlan plan(Polygon areaLonLat) {
    return plan((Geometry) areaLonLat);
  }

  /** The plan of a Polygon or MultiPolygon in lon/lat; 422 for anything else or an invalid one. */
  public ConstructionPlan plan(Geometry areaLonLat) {
    if (!(areaLonLat instanceof Polygonal)) {
      throw ApiException.unprocessable("the area must be a Polygon or MultiPolygon",
          List.of("geometry: " + (areaLonLat == null ? "missing" : areaLonLat.getGeometryType())
              + " is not an area"));
    }
    Geometries.problemOf(areaLonLat).ifPresent(p -> {
      throw ApiException.unprocessable("the area is not a valid polygon", List.of("geometry: " + p));
    });
    MetricLayer works = layers.current(Layer.WORKS);
    Geometry area = Crs.transform(areaLonLat, Crs.LONLAT, works.metricEpsg());
    PreparedGeometry prepared = PreparedGeometryFactory.prepare(area);
    List<PlanScheduler.PlanWork> inside = new ArrayList<>();
    for (int i : works.candidates(area.getEnvelopeInternal())) {
      var f = works.features().get(i);
      Geometry g = works.metric().get(i);
      if (g != null && TO_DO.contains(f.text("status")) && prepared.intersects(g)) {
        inside.add(new PlanScheduler.PlanWork(ConflictEngine.refOf(f), g, f.geometry()));
      }
    }
    return PlanScheduler.plan(inside, planSettings());
  }

  /**
   * The plan's rules: the programme year's "started" and "completed" deadlines are the dates
   * every excavation must start by and every phase must end by.
   */
  PlanSettings planSettings() {
    ProgrammeProperties.Deadlines year = programme.deadlinesOf(programme.year());
    return new PlanSettings(settings.bufferMeters(), settings.sharedStretchMeters(),
        year.started(), year.completed(), settings.roadDays(), settings.greeningDays());
  }
}
