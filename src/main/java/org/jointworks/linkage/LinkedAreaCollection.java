package org.jointworks.linkage;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FieldType;
import org.jointworks.layers.Layer;
import org.jointworks.ogcapi.CollectionProvider;
import org.jointworks.ogcapi.ItemWrites;
import org.jointworks.ogcapi.ItemsPage;
import org.jointworks.ogcapi.ItemsQuery;
import org.jointworks.ogcapi.OgcCollection;
import org.jointworks.ogcapi.Queryable;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Component;

/**
 * The planner-drawn joint areas as the OGC API collection {@code linked-areas}: read from
 * {@code linked_areas} with the properties of {@code /api/linked-areas}, written through
 * {@link LinkedAreaWrites}. Signed-in users only, like {@code /api/linked-areas}: drawn areas
 * are planners' work in progress. Not a {@link Layer}, so it has no tiles.
 *
 * <p>Every answer reads the store (see {@link LinkedAreaRepository} on why nothing is cached), so
 * pages, counts and the extent follow the last committed write. Thread-safe.
 */
@Component
class LinkedAreaCollection implements CollectionProvider, OgcCollection {
  static final String ID = "linked-areas";
  /** The queryables that are text columns of {@code linked_areas}, filtered by equality in SQL. */
  private static final Set<String> COLUMNS = Set.of("name", "created_by", "updated_by");
  /** Not a column: the areas a community is a member of, computed by {@link Memberships}. */
  private static final String COMMUNITY = "community";
  private static final List<Queryable> QUERYABLES = List.of(
      new Queryable("name", FieldType.TEXT, Set.of()),
      new Queryable("created_by", FieldType.TEXT, Set.of()),
      new Queryable("updated_by", FieldType.TEXT, Set.of()),
      new Queryable(COMMUNITY, FieldType.INTEGER, Set.of(), "the id of a community: the areas"
          + " it is a member of (at least half its area inside, as in the area's report)"));

  private final LinkedAreaRepository repository;
  private final Memberships memberships;
  private final LinkedAreaWrites writes;

  LinkedAreaCollection(LinkedAreaRepository repository, Memberships memberships,
      LinkedAreaWrites writes) {
    this.repository = repository;
    this.memberships = memberships;
    this.writes = writes;
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
    return "Joint renovation areas (联动改造片区)";
  }

  @Override
  public String description() {
    return "Areas planners draw to renovate neighbouring communities together (plan rule 7);"
        + " work in progress, so signed-in users only. Geometries stored in CGCS2000 (EPSG:4490);"
        + " ADMIN and PLANNER write them under the linked-area rules (valid polygon inside the"
        + " city, no overlap with another stored area unless allowOverlap).";
  }

  @Override
  public boolean publicRead() {
    return false;
  }

  @Override
  public List<Queryable> queryables() {
    return QUERYABLES;
  }

  @Override
  public Optional<TemporalProperties> temporal() {
    return Optional.empty();
  }

  @Override
  public Envelope extent() {
    return repository.extent();
  }

  @Override
  public String[] temporalExtent() {
    return null;
  }

  @Override
  public ItemsPage items(ItemsQuery query) {
    Object community = query.filters().get(COMMUNITY);
    Set<Long> only = community == null ? null : memberships.areasOf((Long) community);
    return repository.page(query, COLUMNS, only, LinkedAreaJson::asFeature);
  }

  @Override
  public Optional<Feature> item(String id) {
    try {
      return repository.find(Long.parseLong(id)).map(LinkedAreaJson::asFeature);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<Layer> layer() {
    return Optional.empty();
  }

  @Override
  public Optional<ItemWrites> writes() {
    return Optional.of(writes);
  }
}
