package org.jointworks.progress;

import org.jointworks.system.EndpointRules;
import org.jointworks.system.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Progress views. The summary and the districts choropleth are public: they carry the plan's
 * published table and counts per status, which the city publishes as a 民生实事 anyway. The
 * overdue list, the evaluation, the report and the funding per source name projects, rank
 * counties or show money: ADMIN, PLANNER, LEADER, CITY_OFFICE and the county roles only; UTILITY
 * users get 403, anonymous ones 401.
 */
@Component
class ProgressRules implements EndpointRules {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    a.requestMatchers(HttpMethod.GET, "/api/progress/summary", "/api/progress/districts.geojson")
        .permitAll()
        .requestMatchers(HttpMethod.GET, "/api/progress/overdue", "/api/progress/evaluation",
            "/api/progress/report", "/api/progress/funding")
        .hasAnyRole(Role.ADMIN.name(), Role.PLANNER.name(), Role.LEADER.name(),
            Role.CITY_OFFICE.name(), Role.COUNTY_OFFICER.name(), Role.COUNTY_LEADER.name());
  }
}
