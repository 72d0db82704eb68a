package org.jointworks.countyplans;

import org.jointworks.system.EndpointRules;
import org.jointworks.system.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * County plans: every programme role reads them; ADMIN and COUNTY_OFFICER (its own county) file;
 * only CITY_OFFICE approves; UTILITY and anonymous users nothing.
 */
@Component
class CountyPlanRules implements EndpointRules {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    a.requestMatchers(HttpMethod.GET, "/api/county-plans")
        .hasAnyRole(Role.ADMIN.name(), Role.PLANNER.name(), Role.LEADER.name(),
            Role.COUNTY_OFFICER.name(), Role.COUNTY_LEADER.name(), Role.CITY_OFFICE.name())
        .requestMatchers(HttpMethod.POST, "/api/county-plans/*/approval")
        .hasRole(Role.CITY_OFFICE.name())
        .requestMatchers(HttpMethod.POST, "/api/county-plans")
        .hasAnyRole(Role.ADMIN.name(), Role.COUNTY_OFFICER.name());
  }
}
