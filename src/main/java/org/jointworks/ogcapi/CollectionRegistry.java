package org.jointworks.ogcapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.system.ApiException;
import org.jointworks.system.JointWorksUser;
import org.springframework.stereotype.Component;

/**
 * Every collection of every {@link CollectionProvider} bean, by id, in the order the providers
 * give them. Immutable after start; thread-safe.
 */
@Component
public class CollectionRegistry {
  private final Map<String, OgcCollection> byId = new LinkedHashMap<>();

  CollectionRegistry(List<CollectionProvider> providers) {
    for (CollectionProvider p : providers) {
      for (OgcCollection c : p.collections()) {
        if (!c.id().matches("[a-z][a-z0-9-]*")) {
          throw new IllegalStateException("collection id must be lower-case kebab: " + c.id());
        }
        if (byId.putIfAbsent(c.id(), c) != null) {
          throw new IllegalStateException("two collections named " + c.id());
        }
      }
    }
  }

  public List<OgcCollection> all() {
    return List.copyOf(byId.values());
  }

  /** The collections the current user may read: the public ones, or all once signed in. */
  public List<OgcCollection> visible() {
    boolean signedIn = JointWorksUser.current().isPresent();
    return byId.values().stream().filter(c -> signedIn || c.publicRead()).toList();
  }

  public OgcCollection get(String id) {
    OgcCollection c = byId.get(id);
    if (c == null) {
      throw ApiException.notFound("collection '" + id + "'");
    }
    return c;
  }
}
