package org.jointworks.linkage;

import java.util.Set;
import org.jointworks.layers.Feature;
import org.jointworks.ogcapi.ItemWrites;
import org.jointworks.system.Role;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The OGC API Part 4 writes of {@code linked-areas}: the body is read by the same
 * {@link LinkedAreaJson#draft} and written by the same {@link LinkedAreaService} as
 * {@code /api/linked-areas}, so validation (422 with the reason), the overlap rule (409 naming
 * the overlapped areas, unless {@code "allowOverlap": true}), the write lock, versions and the
 * audit are exactly those of the linkage API. The version always comes from If-Match, so a stale
 * one answers 412. Thread-safe.
 */
@Component
class LinkedAreaWrites implements ItemWrites {
  private final LinkedAreaService service;

  LinkedAreaWrites(LinkedAreaService service) {
    this.service = service;
  }

  @Override
  public Set<Role> roles() {
    return LinkageRules.AREA_WRITERS;
  }

  @Override
  public Feature create(JsonNode feature) {
    return LinkedAreaJson.asFeature(service.create(LinkedAreaJson.draft(feature)));
  }

  @Override
  public Feature replace(long id, long expectedVersion, JsonNode feature) {
    return LinkedAreaJson.asFeature(
        service.replace(id, expectedVersion, LinkedAreaJson.draft(feature), true));
  }

  @Override
  public void delete(long id, long expectedVersion) {
    service.delete(id, expectedVersion, true);
  }
}
