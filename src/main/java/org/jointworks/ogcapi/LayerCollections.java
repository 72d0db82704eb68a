package org.jointworks.ogcapi;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.layers.Field;
import org.jointworks.layers.Layer;
import org.jointworks.layers.LayerRevisions;
import org.jointworks.layers.LayerService;
import org.jointworks.layers.PublicWorks;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Component;

/**
 * The stored layers as OGC collections. Extents are cached per layer revision (an extent over
 * 100,000 communities is a full scan), so they too follow the last committed write. Thread-safe.
 */
@Component
class LayerCollections implements CollectionProvider {
  private static final Map<Layer, String> TITLES = new EnumMap<>(Map.of(
      Layer.DISTRICTS, "Districts (县市区)",
      Layer.COMMUNITIES, "Old communities to renovate (老旧小区)",
      Layer.PIPELINES, "Underground utility pipelines (地下管线)",
      Layer.WORKS, "Planned utility works (管线施工)",
      Layer.FACILITIES, "Community facilities (配套设施)",
      Layer.STREETS, "Streets (道路)",
      Layer.PIPE_POINTS, "Surveyed pipe points (管点)"));

  private final List<OgcCollection> collections;

  LayerCollections(ItemsRepository items, FeatureRepository features, LayerRevisions revisions,
      LayerService layers) {
    List<OgcCollection> all = new ArrayList<>();
    for (Layer layer : Layer.values()) {
      all.add(new Stored(layer, items, features, revisions, new LayerWrites(layer, layers)));
    }
    this.collections = List.copyOf(all);
  }

  @Override
  public List<OgcCollection> collections() {
    return collections;
  }

  /** One stored layer. */
  private static final class Stored implements OgcCollection {
    private final Layer layer;
    private final ItemsRepository items;
    private final FeatureRepository features;
    private final LayerRevisions revisions;
    private final ItemWrites writes;
    private final List<Queryable> queryables;
    private volatile Extent extent;

    /** The extents at one layer revision. */
    private record Extent(long revision, Envelope bbox, String[] dates) {}

    Stored(Layer layer, ItemsRepository items, FeatureRepository features,
        LayerRevisions revisions, ItemWrites writes) {
      this.layer = layer;
      this.items = items;
      this.features = features;
      this.revisions = revisions;
      this.writes = writes;
      List<Queryable> q = new ArrayList<>();
      for (Field f : layer.fields()) {
        q.add(new Queryable(f.name(), f.type(), f.allowed()));
      }
      this.queryables = List.copyOf(q);
    }

    @Override
    public String id() {
      return layer.id();
    }

    @Override
    public String title() {
      return TITLES.get(layer);
    }

    @Override
    public String description() {
      return "The " + layer.id() + " layer of JointWorks; geometries stored in CGCS2000"
          + " (EPSG:4490)" + (layer.publicRead() ? "." : "; signed-in users only.");
    }

    @Override
    public boolean publicRead() {
      return layer.publicRead();
    }

    @Override
    public List<Queryable> queryables() {
      return queryables;
    }

    @Override
    public Optional<TemporalProperties> temporal() {
      return layer.field("start_date").isPresent() && layer.field("end_date").isPresent()
          ? Optional.of(new TemporalProperties("start_date", "end_date")) : Optional.empty();
    }

    @Override
    public Envelope extent() {
      return currentExtent().bbox();
    }

    @Override
    public String[] temporalExtent() {
      return currentExtent().dates();
    }

    private Extent currentExtent() {
      long revision = revisions.revision(layer);
      Extent e = extent;
      if (e == null || e.revision() != revision) {
        String[] dates = temporal().map(t -> items.dateRange(layer, t.start(), t.end()))
            .orElse(null);
        e = new Extent(revision, items.extent(layer), dates);
        extent = e;
      }
      return e;
    }

    @Override
    public ItemsPage items(ItemsQuery query) {
      return items.page(layer, query);
    }

    @Override
    public Optional<Feature> item(String id) {
      try {
        return features.find(layer, Long.parseLong(id))
            .filter(f -> !PublicWorks.hiddenFromCurrentUser(layer) || PublicWorks.shown(f));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    @Override
    public Optional<Layer> layer() {
      return Optional.of(layer);
    }

    @Override
    public Optional<ItemWrites> writes() {
      return Optional.of(writes);
    }
  }
}
