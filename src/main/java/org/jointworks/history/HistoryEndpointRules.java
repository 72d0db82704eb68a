package org.jointworks.history;

import org.jointworks.system.EndpointRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may read history: signed-in users. It names users and shows every state a feature passed
 * through (a work's drafts, a pipeline's attributes), none of which anonymous users see.
 */
@Component
class HistoryEndpointRules implements EndpointRules {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    a.requestMatchers(HttpMethod.GET, "/api/history/{subject}/{id}").authenticated();
  }
}
