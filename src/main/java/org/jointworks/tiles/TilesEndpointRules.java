package org.jointworks.tiles;

import java.util.ArrayList;
import java.util.List;
import org.jointworks.layers.Layer;
import org.jointworks.system.EndpointRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may read tiles: the tile matrix sets and the all-layers tileset are public (its content
 * depends on who asks: anonymous users get no pipelines or facilities layer); a layer's own
 * tileset follows the layer's {@code publicRead} (401 for anonymous users otherwise).
 */
@Component
class TilesEndpointRules implements EndpointRules {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    List<String> open = new ArrayList<>();
    List<String> signedIn = new ArrayList<>();
    for (Layer l : Layer.values()) {
      (l.publicRead() ? open : signedIn).add("/ogcapi/collections/" + l.id() + "/tiles/**");
      (l.publicRead() ? open : signedIn).add("/ogcapi/collections/" + l.id() + "/tiles");
    }
    a.requestMatchers(HttpMethod.GET, "/ogcapi/tileMatrixSets", "/ogcapi/tileMatrixSets/*",
            "/ogcapi/tiles", "/ogcapi/tiles/**").permitAll()
        .requestMatchers(HttpMethod.GET, open.toArray(String[]::new)).permitAll()
        .requestMatchers(HttpMethod.GET, signedIn.toArray(String[]::new)).authenticated();
  }
}
