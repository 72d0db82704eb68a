package org.jointworks.files;

import java.util.ArrayList;
import java.util.List;
import org.jointworks.layers.Layer;
import org.jointworks.system.EndpointRules;
import org.jointworks.system.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may move files: imports (and previews) need ADMIN, PLANNER or UTILITY, and then the
 * layer's write rules decide; the GeoPackage export holds every layer, pipelines included, so it
 * needs a signed-in user; a layer's CSV export follows the layer's {@code publicRead}.
 */
@Component
class FilesEndpointRules implements EndpointRules {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    List<String> open = new ArrayList<>();
    List<String> signedIn = new ArrayList<>();
    for (Layer l : Layer.values()) {
      (l.publicRead() ? open : signedIn).add("/api/files/csv/" + l.id());
    }
    a.requestMatchers(HttpMethod.POST, "/api/files/shapefile", "/api/files/shapefile/preview",
            "/api/files/csv", "/api/files/geopackage", "/api/files/preview",
            "/api/files/import")
        .hasAnyRole(Role.ADMIN.name(), Role.PLANNER.name(), Role.UTILITY.name())
        .requestMatchers(HttpMethod.GET, "/api/files/geopackage").authenticated()
        .requestMatchers(HttpMethod.GET, open.toArray(String[]::new)).permitAll()
        .requestMatchers(HttpMethod.GET, signedIn.toArray(String[]::new)).authenticated();
  }
}
