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
 * collection's own resources follow its {@code publicRead} (pipelines, facilities and linked
 * areas need a signed-in user, 401 otherwise); writes follow each collection's
 * {@link ItemWrites#roles()} (the stored layers: ADMIN, PLANNER, UTILITY, then
 * {@link org.jointworks.layers.LayerAccess} per layer and feature; linked areas: ADMIN, PLANNER).
 * Writes to a read-only or unknown collection match no rule and fall to the deny-all.
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
    a.requestMatchers(HttpMethod.GET, "/ogcapi", "/ogcapi/", "/ogcapi/conformance", "/ogcapi/api",
            "/ogcapi/collections").permitAll()
        .requestMatchers(HttpMethod.GET, open.toArray(String[]::new)).permitAll()
        .requestMatchers(HttpMethod.GET, signedIn.toArray(String[]::new)).authenticated();
    for (OgcCollection c : registry.all()) {
      c.writes().ifPresent(w -> {
        String base = "/ogcapi/collections/" + c.id();
        String[] roles = w.roles().stream().map(Role::name).sorted().toArray(String[]::new);
        a.requestMatchers(HttpMethod.POST, base + "/items").hasAnyRole(roles)
            .requestMatchers(HttpMethod.PUT, base + "/items/*").hasAnyRole(roles)
            .requestMatchers(HttpMethod.PATCH, base + "/items/*").hasAnyRole(roles)
            .requestMatchers(HttpMethod.DELETE, base + "/items/*").hasAnyRole(roles);
      });
    }
  }
}
