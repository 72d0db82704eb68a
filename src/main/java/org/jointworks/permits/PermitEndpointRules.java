package org.jointworks.permits;

import org.jointworks.system.EndpointRules;
import org.jointworks.system.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the permit endpoints. The URL rule names the roles of each step; the service then
 * checks the data (the promoter is the work's own utility; a collaboration is answered by the
 * other party):
 * <ul>
 *   <li>approve, refuse, resolutions: ROAD_AUTHORITY only — a utility never approves itself;</li>
 *   <li>submit, start, complete, withdraw: UTILITY (its own works) and ADMIN;</li>
 *   <li>cancel: those and ROAD_AUTHORITY (revoking a granted permit, with a reason);</li>
 *   <li>collaborations: proposed and answered by UTILITY; read by signed-in users;</li>
 *   <li>a work's register (steps, conflicts, resolutions): signed-in users.</li>
 * </ul>
 */
@Component
class PermitEndpointRules implements EndpointRules {
  private static final String W = "/api/works/{id:[0-9]+}/";

  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    a.requestMatchers(HttpMethod.POST, W + "approve", W + "refuse", W + "resolutions")
            .hasRole(Role.ROAD_AUTHORITY.name())
        .requestMatchers(HttpMethod.POST, W + "submit", W + "start", W + "complete",
            W + "withdraw").hasAnyRole(Role.UTILITY.name(), Role.ADMIN.name())
        .requestMatchers(HttpMethod.POST, W + "cancel")
            .hasAnyRole(Role.UTILITY.name(), Role.ADMIN.name(), Role.ROAD_AUTHORITY.name())
        .requestMatchers(HttpMethod.GET, W + "permit").authenticated()
        .requestMatchers(HttpMethod.POST, "/api/collaborations",
            "/api/collaborations/{id:[0-9]+}/accept", "/api/collaborations/{id:[0-9]+}/decline")
            .hasRole(Role.UTILITY.name())
        .requestMatchers(HttpMethod.GET, "/api/collaborations/{id:[0-9]+}").authenticated();
  }
}
