package org.jointworks.layers;

import org.jointworks.system.EndpointRules;
import org.jointworks.system.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may read import jobs: the roles that may import; the controller then lets only the job's
 * owner and ADMIN see it. Anonymous users never.
 */
@Component
class ImportJobRules implements EndpointRules {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    a.requestMatchers(HttpMethod.GET, "/api/imports/jobs/*")
        .hasAnyRole(Role.ADMIN.name(), Role.PLANNER.name(), Role.UTILITY.name());
  }
}
