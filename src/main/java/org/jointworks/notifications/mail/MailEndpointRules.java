package org.jointworks.notifications.mail;

import org.jointworks.system.EndpointRules;
import org.jointworks.system.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** E-mail addresses: one's own for any signed-in user; anyone's for ADMIN. */
@Component
class MailEndpointRules implements EndpointRules {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    a.requestMatchers(HttpMethod.GET, "/api/me/email").authenticated()
        .requestMatchers(HttpMethod.PUT, "/api/me/email").authenticated()
        .requestMatchers(HttpMethod.GET, "/api/users/*/email").hasRole(Role.ADMIN.name())
        .requestMatchers(HttpMethod.PUT, "/api/users/*/email").hasRole(Role.ADMIN.name());
  }
}
