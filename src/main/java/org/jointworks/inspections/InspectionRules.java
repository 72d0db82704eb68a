package org.jointworks.inspections;

import org.jointworks.system.EndpointRules;
import org.jointworks.system.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Inspections: ADMIN, PLANNER, LEADER, CITY_OFFICE and the county roles read; ADMIN, PLANNER (the
 * city's inspection group works through planners), CITY_OFFICE and COUNTY_OFFICER (its own
 * county only) record and rectify; UTILITY and anonymous users nothing.
 */
@Component
class InspectionRules implements EndpointRules {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    String[] writers = {Role.ADMIN.name(), Role.PLANNER.name(), Role.CITY_OFFICE.name(),
        Role.COUNTY_OFFICER.name()};
    a.requestMatchers(HttpMethod.GET, "/api/inspections", "/api/inspections/*")
        .hasAnyRole(Role.ADMIN.name(), Role.PLANNER.name(), Role.LEADER.name(),
            Role.CITY_OFFICE.name(), Role.COUNTY_OFFICER.name(), Role.COUNTY_LEADER.name())
        .requestMatchers(HttpMethod.POST, "/api/inspections").hasAnyRole(writers)
        .requestMatchers(HttpMethod.PUT, "/api/inspections/*/rectification")
        .hasAnyRole(writers);
  }
}
