package org.jointworks.linkage.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jointworks.layers.MetricLayer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * What a metric area holds in a layer snapshot: the share of each area feature inside it, the
 * length of each line inside it, and the features within a distance of it. Each query is an
 * STRtree lookup followed by predicates on the prepared area, so only the features near its edge
 * pay for an exact overlay; that keeps a drawn area's report within a few milliseconds on a city
 * of 100,000 communities.
 *
 * <p>Immutable and thread-safe once built (the prepared geometry and facet index are read-only
 * after construction).
 */
public final class AreaContents {
  /** One feature of a layer and a measure of it against the area. */
  public record Hit(int position, double value) {}

  private final Geometry area;
  private final PreparedGeometry prepared;
  private final IndexedFacetDistance facets;

  public AreaContents(Geometry metricArea) {
    this.area = metricArea;
    this.prepared = PreparedGeometryFactory.prepare(metricArea);
    this.facets = new IndexedFacetDistance(metricArea);
  }

  public Geometry area() {
    return area;
  }

  /** The features of an area layer that overlap the area, with the share of their own area inside. */
  public List<Hit> shares(MetricLayer layer) {
    List<Hit> out = new ArrayList<>();
    for (int i : layer.candidates(area.getEnvelopeInternal())) {
      Geometry g = layer.metric().get(i);
      double share;
      if (prepared.containsProperly(g)) {
        share = 1;
      } else if (!prepared.intersects(g)) {
        continue;
      } else {
        double own = g.getArea();
        share = own == 0 ? 0
            : OverlayNGRobust.overlay(area, g, OverlayNG.INTERSECTION).getArea() / own;
      }
      if (share > 0) {
        out.add(new Hit(i, Math.min(1, share)));
      }
    }
    out.sort(Comparator.comparingInt(Hit::position));
    return out;
  }

  /** The features of a line or area layer that meet the area, with their length inside (m). */
  public List<Hit> lengthsInside(MetricLayer layer) {
    List<Hit> out = new ArrayList<>();
    for (int i : layer.candidates(area.getEnvelopeInternal())) {
      Geometry g = layer.metric().get(i);
      if (!prepared.intersects(g)) {
        continue;
      }
      double length = prepared.containsProperly(g) ? g.getLength()
          : OverlayNGRobust.overlay(area, g, OverlayNG.INTERSECTION).getLength();
      out.add(new Hit(i, length));
    }
    out.sort(Comparator.comparingInt(Hit::position));
    return out;
  }

  /** The features within {@code meters} of the area (0 inside it), nearest first. */
  public List<Hit> within(MetricLayer layer, double meters) {
    Envelope search = new Envelope(area.getEnvelopeInternal());
    search.expandBy(meters);
    List<Hit> out = new ArrayList<>();
    for (int i : layer.candidates(search)) {
      Geometry g = layer.metric().get(i);
      double d = prepared.intersects(g) ? 0 : facets.distance(g);
      if (d <= meters) {
        out.add(new Hit(i, d));
      }
    }
    out.sort(Comparator.comparingDouble(Hit::value).thenComparingInt(Hit::position));
    return out;
  }
}
