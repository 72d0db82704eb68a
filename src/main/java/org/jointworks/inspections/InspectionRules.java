package org.jointworks.inspections;

import org.jointworks.system.EndpointRules;
import org.jointworks.system.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Inspections: ADMIN, PLANNER and LEADER read; ADMIN and PLANNER (the city's inspection group
 * works through planners) record and rectify; UTILITY and anonymous users nothing.
 */
@Component
class InspectionRules implements EndpointRules {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    a.requestMatchers(HttpMethod.GET, "/api/inspections", "/api/inspections/*")
        .hasAnyRole(Role.ADMIN.name(), Role.PLANNER.name(), Role.LEADER.name())
        .requestMatchers(HttpMethod.POST, "/api/inspections")
        .hasAnyRole(Role.ADMIN.name(), Role.PLANNER.name())
        .requestMatchers(HttpMethod.PUT, "/api/inspections/*/rectification")
        .hasAnyRole(Role.ADMIN.name(), Role.PLANNER.name());
  }
}
