package org.jointworks.reports;

import org.jointworks.system.EndpointRules;
import org.jointworks.system.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Monthly reports: ADMIN, PLANNER, LEADER, CITY_OFFICE and the county roles read; a
 * COUNTY_OFFICER (its own county) or an ADMIN submits and corrects; only a COUNTY_LEADER approves
 * or returns, and only its own county's (the unit leader's sign-off that makes a report valid);
 * UTILITY and anonymous users nothing.
 */
@Component
class ReportRules implements EndpointRules {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    a.requestMatchers(HttpMethod.GET, "/api/reports", "/api/reports/*")
        .hasAnyRole(Role.ADMIN.name(), Role.PLANNER.name(), Role.LEADER.name(),
            Role.CITY_OFFICE.name(), Role.COUNTY_OFFICER.name(), Role.COUNTY_LEADER.name())
        .requestMatchers(HttpMethod.POST, "/api/reports/*/approval")
        .hasRole(Role.COUNTY_LEADER.name())
        .requestMatchers(HttpMethod.POST, "/api/reports")
        .hasAnyRole(Role.ADMIN.name(), Role.COUNTY_OFFICER.name())
        .requestMatchers(HttpMethod.PUT, "/api/reports/*")
        .hasAnyRole(Role.ADMIN.name(), Role.COUNTY_OFFICER.name());
  }
}
