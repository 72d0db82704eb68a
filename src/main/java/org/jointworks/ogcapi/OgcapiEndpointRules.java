package org.jointworks.ogcapi;

import java.util.ArrayList;
import java.util.List;
import org.jointworks.system.EndpointRules;
import org.jointworks.system.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the OGC API – Features: the landing page, conformance, API definition and the
 * collections list are public (the list shows anonymous users only the public collections); a
 * collection's own resources follow its {@code publicRead} (pipelines and facilities need a
 * signed-in user, 401 otherwise); writes need ADMIN, PLANNER or UTILITY, and
 * {@link org.jointworks.layers.LayerAccess} then decides per layer and feature (403).
 */
@Component
class OgcapiEndpointRules implements EndpointRules {
  private final CollectionRegistry registry;

  OgcapiEndpointRules(CollectionRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    List<String> open = new ArrayList<>();
    List<String> signedIn = new ArrayList<>();
    for (OgcCollection c : registry.all()) {
      String base = "/ogcapi/collections/" + c.id();
      List<String> target = c.publicRead() ? open : signedIn;
      target.add(base);
      target.add(base + "/queryables");
      target.add(base + "/items");
      target.add(base + "/items/*");
    }
    String[] writers = {Role.ADMIN.name(), Role.PLANNER.name(), Role.UTILITY.name()};
    a.requestMatchers(HttpMethod.GET, "/ogcapi", "/ogcapi/", "/ogcapi/conformance", "/ogcapi/api",
            "/ogcapi/collections").permitAll()
        .requestMatchers(HttpMethod.GET, open.toArray(String[]::new)).permitAll()
        .requestMatchers(HttpMethod.GET, signedIn.toArray(String[]::new)).authenticated()
        .requestMatchers(HttpMethod.POST, "/ogcapi/collections/*/items").hasAnyRole(writers)
        .requestMatchers(HttpMethod.PUT, "/ogcapi/collections/*/items/*").hasAnyRole(writers)
        .requestMatchers(HttpMethod.PATCH, "/ogcapi/collections/*/items/*").hasAnyRole(writers)
        .requestMatchers(HttpMethod.DELETE, "/ogcapi/collections/*/items/*").hasAnyRole(writers);
  }
}
