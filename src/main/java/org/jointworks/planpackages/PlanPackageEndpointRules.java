package org.jointworks.planpackages;

import org.jointworks.system.EndpointRules;
import org.jointworks.system.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the plan-package endpoints: PLANNER and ADMIN submit a plan (the coordinators who
 * draw the joint areas); ROAD_AUTHORITY alone approves or refuses it; signed-in users read.
 */
@Component
class PlanPackageEndpointRules implements EndpointRules {
  private static final String V = "/api/plan-versions/{id:[0-9]+}/";

  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    a.requestMatchers(HttpMethod.POST, V + "approve", V + "refuse")
            .hasRole(Role.ROAD_AUTHORITY.name())
        .requestMatchers(HttpMethod.POST, "/api/plan-versions")
            .hasAnyRole(Role.PLANNER.name(), Role.ADMIN.name())
        .requestMatchers(HttpMethod.GET, "/api/plan-versions", "/api/plan-versions/{id:[0-9]+}")
            .authenticated();
  }
}
