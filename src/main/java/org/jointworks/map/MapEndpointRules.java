package org.jointworks.map;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.jointworks.system.EndpointRules;

/**
 * The map's own pages beyond the main one: the printable progress report ({@code /report.html}).
 * The page itself is static and holds no data, so anyone may load it; what it shows comes from
 * the programme's endpoints, which keep their own rules (the overdue projects and the ranking
 * need a signed-in role), so an anonymous visitor gets no report, only the sign-in message.
 * The county outlines ({@code /api/map/counties}) are public reference geography, for anyone.
 */
@Component
class MapEndpointRules implements EndpointRules {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    a.requestMatchers(HttpMethod.GET, "/report.html", CountiesController.PATH).permitAll();
  }
}
