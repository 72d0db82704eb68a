package org.jointworks.ogcapi;

import java.util.Set;
import org.jointworks.layers.Feature;
import org.jointworks.system.Role;
import tools.jackson.databind.JsonNode;

/**
 * The OGC API – Features Part 4 writes of one collection. A collection that offers them (see
 * {@link OgcCollection#writes()}) takes {@code POST …/items} and {@code PUT|PATCH|DELETE
 * …/items/{fid}}; one that does not is read-only.
 *
 * <p>The split of work: {@link TransactionsController} does the HTTP (If-Match → expected
 * version, 428 without it; the body's {@code Content-Crs} → storage lon/lat; a PATCH merged into
 * the current feature; the answers, {@code Location} and {@code ETag}); the implementation holds
 * the use case — validation, its own write rules, optimistic locking and the audit, each call one
 * transaction. It is the same code path the feature's own API uses, so a write through the OGC API
 * obeys exactly the same rules.
 *
 * <p>Implementations must be thread-safe.
 */
public interface ItemWrites {
  /**
   * The roles that may write this collection at all. The security rules are built from it at
   * start (deny by default: other roles get 403, anonymous callers 401); finer rules that depend
   * on the data stay with the implementation.
   */
  Set<Role> roles();

  /**
   * Stores a new feature.
   *
   * @param feature a GeoJSON Feature, geometry in EPSG:4490 lon/lat
   * @return the stored feature with its id and version
   */
  Feature create(JsonNode feature);

  /**
   * Replaces a feature if it is still at {@code expectedVersion}; a stale version answers 412,
   * an unknown id 404.
   */
  Feature replace(long id, long expectedVersion, JsonNode feature);

  /** Deletes a feature if it is still at {@code expectedVersion} (412 when stale, 404 unknown). */
  void delete(long id, long expectedVersion);
}
