package org.jointworks.xlsx;

import java.util.ArrayList;
import java.util.List;
import org.jointworks.layers.Layer;
import org.jointworks.system.EndpointRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * A layer's Excel table is read as its CSV export: a layer the public may read is open, the
 * others (pipelines, facilities, works in full) need a signed-in user. The tables' {@code
 * ?format=xlsx} needs no rule: it is the JSON endpoint's own rule.
 */
@Component
class XlsxEndpointRules implements EndpointRules {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    List<String> open = new ArrayList<>();
    List<String> signedIn = new ArrayList<>();
    for (Layer l : Layer.values()) {
      (l.publicRead() ? open : signedIn).add("/api/xlsx/" + l.id());
    }
    a.requestMatchers(HttpMethod.GET, open.toArray(String[]::new)).permitAll()
        .requestMatchers(HttpMethod.GET, signedIn.toArray(String[]::new)).authenticated();
  }
}
