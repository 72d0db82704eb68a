package org.jointworks.adjustments;

import org.jointworks.system.EndpointRules;
import org.jointworks.system.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Adjustments: ADMIN, PLANNER, LEADER, CITY_OFFICE and the county roles read; they and a
 * COUNTY_OFFICER (its own county: the check is how a county prepares its joint filing) check (a
 * check changes nothing); a COUNTY_OFFICER (its own county) and ADMIN (late, with a reason) file;
 * ADMIN and CITY_OFFICE approve or refuse (the city office's decision on the county's filing);
 * UTILITY and anonymous users nothing.
 */
@Component
class AdjustmentRules implements EndpointRules {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    String[] readers = {Role.ADMIN.name(), Role.PLANNER.name(), Role.LEADER.name(),
        Role.CITY_OFFICE.name(), Role.COUNTY_OFFICER.name(), Role.COUNTY_LEADER.name()};
    a.requestMatchers(HttpMethod.GET, "/api/adjustments", "/api/adjustments/plans")
        .hasAnyRole(readers)
        .requestMatchers(HttpMethod.POST, "/api/adjustments/check")
        .hasAnyRole(Role.ADMIN.name(), Role.PLANNER.name(), Role.LEADER.name(),
            Role.CITY_OFFICE.name(), Role.COUNTY_OFFICER.name())
        .requestMatchers(HttpMethod.POST, "/api/adjustments")
        .hasAnyRole(Role.ADMIN.name(), Role.COUNTY_OFFICER.name())
        .requestMatchers(HttpMethod.POST, "/api/adjustments/*/approve",
            "/api/adjustments/*/refuse")
        .hasAnyRole(Role.ADMIN.name(), Role.CITY_OFFICE.name());
  }
}
