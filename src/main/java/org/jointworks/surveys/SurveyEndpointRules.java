package org.jointworks.surveys;

import org.jointworks.system.EndpointRules;
import org.jointworks.system.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may preview and import a survey deliverable: UTILITY (its own network's survey) and ADMIN.
 * A survey holds pipelines' data, which anonymous users never see (401); other roles do not
 * import pipelines (403). Every signed-in user may export the tables, as every signed-in user
 * reads the pipelines and pipe points; anonymous users may not (401).
 */
@Component
class SurveyEndpointRules implements EndpointRules {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    a.requestMatchers(HttpMethod.POST, "/api/surveys/preview", "/api/surveys/import")
        .hasAnyRole(Role.UTILITY.name(), Role.ADMIN.name());
    a.requestMatchers(HttpMethod.GET, "/api/surveys/export").authenticated();
  }
}
