package org.jointworks.accounts;

import org.jointworks.system.EndpointRules;
import org.jointworks.system.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Accounts are ADMIN's; changing one's own password is every signed-in user's. */
@Component
class AccountEndpointRules implements EndpointRules {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    a.requestMatchers(HttpMethod.GET, "/api/users", "/api/users/*", "/api/roles")
            .hasRole(Role.ADMIN.name())
        .requestMatchers(HttpMethod.POST, "/api/users").hasRole(Role.ADMIN.name())
        .requestMatchers(HttpMethod.PUT, "/api/users/*").hasRole(Role.ADMIN.name())
        .requestMatchers(HttpMethod.POST, "/api/me/password").authenticated();
  }
}
