package org.jointworks.reports;

import org.jointworks.system.EndpointRules;
import org.jointworks.system.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Monthly reports: ADMIN, PLANNER and LEADER read; a PLANNER (or ADMIN) submits and corrects a
 * county's report; only a LEADER approves or returns it (the unit leader's sign-off that makes a
 * report valid); UTILITY and anonymous users nothing.
 */
@Component
class ReportRules implements EndpointRules {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    a.requestMatchers(HttpMethod.GET, "/api/reports", "/api/reports/*")
        .hasAnyRole(Role.ADMIN.name(), Role.PLANNER.name(), Role.LEADER.name())
        .requestMatchers(HttpMethod.POST, "/api/reports/*/approval").hasRole(Role.LEADER.name())
        .requestMatchers(HttpMethod.POST, "/api/reports")
        .hasAnyRole(Role.ADMIN.name(), Role.PLANNER.name())
        .requestMatchers(HttpMethod.PUT, "/api/reports/*")
        .hasAnyRole(Role.ADMIN.name(), Role.PLANNER.name());
  }
}
