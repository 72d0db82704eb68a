package org.jointworks.adjustments;

import org.jointworks.system.EndpointRules;
import org.jointworks.system.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Adjustments: ADMIN, PLANNER and LEADER read and check (a check changes nothing); ADMIN and
 * PLANNER apply; UTILITY and anonymous users nothing.
 */
@Component
class AdjustmentRules implements EndpointRules {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    String[] readers = {Role.ADMIN.name(), Role.PLANNER.name(), Role.LEADER.name()};
    a.requestMatchers(HttpMethod.GET, "/api/adjustments", "/api/adjustments/plans")
        .hasAnyRole(readers)
        .requestMatchers(HttpMethod.POST, "/api/adjustments/check").hasAnyRole(readers)
        .requestMatchers(HttpMethod.POST, "/api/adjustments")
        .hasAnyRole(Role.ADMIN.name(), Role.PLANNER.name());
  }
}
