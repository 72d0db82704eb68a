package org.jointworks.coordination;

import org.jointworks.system.EndpointRules;
import org.jointworks.system.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the coordination endpoints (docs/coordination.md, "Access"):
 * <ul>
 *   <li>the public works map and the conflict list: anyone (works are public; a conflict says
 *       nothing a citizen could not read off the public works);</li>
 *   <li>checking a proposed work: the roles that plan works (UTILITY, PLANNER, ADMIN);</li>
 *   <li>clearance violations: signed-in users only (pipelines are critical infrastructure);</li>
 *   <li>the construction plan: signed-in users (it names pipelines' works by trench).</li>
 * </ul>
 */
@Component
class CoordinationEndpointRules implements EndpointRules {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    a.requestMatchers(HttpMethod.GET, "/api/public/works", "/api/public/works/upcoming")
            .permitAll()
        .requestMatchers(HttpMethod.GET, "/api/works/conflicts").permitAll()
        .requestMatchers(HttpMethod.POST, "/api/works/check")
            .hasAnyRole(Role.ADMIN.name(), Role.PLANNER.name(), Role.UTILITY.name())
        .requestMatchers(HttpMethod.GET, "/api/pipelines/clearance-violations").authenticated()
        .requestMatchers(HttpMethod.POST, "/api/construction-plan").authenticated()
        .requestMatchers(HttpMethod.GET, "/api/linked-areas/{id}/construction-plan")
            .authenticated();
  }
}
