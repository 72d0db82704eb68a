package org.jointworks.coordination;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FieldType;
import org.jointworks.layers.Layer;
import org.jointworks.layers.PublicWorks;
import org.jointworks.layers.Vocabulary;
import org.jointworks.ogcapi.CollectionProvider;
import org.jointworks.ogcapi.FeatureIds;
import org.jointworks.ogcapi.ItemWrites;
import org.jointworks.ogcapi.ItemsPage;
import org.jointworks.ogcapi.ItemsQuery;
import org.jointworks.ogcapi.OgcCollection;
import org.jointworks.ogcapi.Queryable;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Component;

/**
 * The works conflicts as the read-only OGC API collection {@code conflicts}: exactly the pairs and
 * figures of {@code GET /api/works/conflicts} with the default settings
 * ({@link ConflictService#defaults()}), one feature per pair, id {@code "<a>-<b>"} (decision 19),
 * shaped where the two works would dig the same street ({@link ConflictFeatures}). Public, like
 * {@code /api/works/conflicts}; no writes, so the deny-all refuses them. Not a {@link Layer}, so
 * no tiles.
 *
 * <p>The features are built once per works revision, from the list the service keeps for that
 * revision; a write to {@code works} moves the revision, so the next page is computed afresh.
 * Thread-safe: the features are immutable and swapped whole.
 */
@Component
class ConflictCollection implements CollectionProvider, OgcCollection {
  static final String ID = "conflicts";
  /** Queryables met when either work of the pair has the value. */
  private static final List<String> EITHER_SIDE = List.of("utility", "owner", "status");
  private static final List<Queryable> QUERYABLES = List.of(
      new Queryable("utility", FieldType.TEXT, Set.copyOf(Vocabulary.UTILITIES),
          "the pairs in which either work is of this utility"),
      new Queryable("owner", FieldType.TEXT, Set.of(),
          "the pairs in which either work is of this owner (an organisation code)"),
      new Queryable("kind", FieldType.TEXT, Set.of("same_window", "moratorium")),
      new Queryable("status", FieldType.TEXT, Vocabulary.WORK_STATUSES,
          "the pairs in which either work has this status"));
  private static final FeatureIds PAIR_IDS = new FeatureIds() {
    @Override
    public String of(Feature f) {
      return ConflictFeatures.idOf(f);
    }

    @Override
    public boolean valid(String text) {
      return ConflictFeatures.ID.matcher(text.trim()).matches();
    }

    @Override
    public boolean numeric() {
      return false;
    }

    @Override
    public Map<String, Object> schema() {
      return Map.of("type", "string", "pattern", "^[0-9]+-[0-9]+$");
    }
  };

  private final ConflictService service;
  private volatile Built built;

  /** The features built from one default list (identity: the list's engine). */
  private record Built(ConflictService.Defaults source, ConflictFeatures features) {}

  ConflictCollection(ConflictService service) {
    this.service = service;
  }

  @Override
  public List<OgcCollection> collections() {
    return List.of(this);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Works conflicts (施工冲突)";
  }

  @Override
  public String description() {
    return "Pairs of utility works that would dig the same street twice: kind same_window (close"
        + " in time) or moratorium (within the years a restored street is protected), as GET"
        + " /api/works/conflicts answers with its default settings. Geometry: where the two works"
        + " would dig the same street — the stretch of trench within the buffer of the other work"
        + " (MultiLineString), or the shared area of two areal works (Polygon or MultiPolygon),"
        + " or the conflict's point when that is empty; start_date/end_date span both works."
        + " Read-only, derived from the works layer; coordinates in CGCS2000 (EPSG:4490).";
  }

  @Override
  public boolean publicRead() {
    return true;
  }

  @Override
  public List<Queryable> queryables() {
    return QUERYABLES;
  }

  @Override
  public Optional<TemporalProperties> temporal() {
    return Optional.of(new TemporalProperties("start_date", "end_date"));
  }

  @Override
  public Envelope extent() {
    return current().extent();
  }

  @Override
  public String[] temporalExtent() {
    return current().dates();
  }

  @Override
  public ItemsPage items(ItemsQuery query) {
    Predicate<Feature> m = matches(query.filters());
    return current().page(query, PublicWorks.anonymous() ? m.and(ConflictCollection::shown) : m);
  }

  @Override
  public Optional<Feature> item(String id) {
    return current().item(id).filter(f -> !PublicWorks.anonymous() || shown(f));
  }

  /** Anonymous users see a conflict only between two public works (PublicWorks). */
  private static boolean shown(Feature conflict) {
    return PublicWorks.shown(conflict.text("a_status"))
        && PublicWorks.shown(conflict.text("b_status"));
  }

  @Override
  public FeatureIds ids() {
    return PAIR_IDS;
  }

  @Override
  public Optional<Layer> layer() {
    return Optional.empty();
  }

  @Override
  public Optional<ItemWrites> writes() {
    return Optional.empty();
  }

  private static Predicate<Feature> matches(Map<String, Object> filters) {
    Predicate<Feature> all = f -> true;
    for (Map.Entry<String, Object> e : filters.entrySet()) {
      String name = e.getKey();
      Object value = e.getValue();
      all = all.and(EITHER_SIDE.contains(name)
          ? f -> value.equals(f.get("a_" + name)) || value.equals(f.get("b_" + name))
          : f -> value.equals(f.get(name)));
    }
    return all;
  }

  private ConflictFeatures current() {
    ConflictService.Defaults d = service.defaults();
    Built b = built;
    if (b == null || b.source() != d) {
      var engine = d.engine();
      double buffer = d.rules().bufferMeters();
      b = new Built(d, ConflictFeatures.of(d.all(), c -> engine.shape(c, buffer),
          engine.works().metricEpsg(), engine.works().revision()));
      built = b;
    }
    return b.features();
  }
}
