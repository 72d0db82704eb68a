package org.jointworks.notifications;

import org.jointworks.system.EndpointRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the inbox: any signed-in user, for their own messages only (the service reads the
 * user from the request, never from a parameter); anonymous users have no inbox.
 */
@Component
class NotificationEndpointRules implements EndpointRules {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    a.requestMatchers(HttpMethod.GET, "/api/notifications", "/api/notifications/unread",
            "/api/notifications/stream").authenticated()
        .requestMatchers(HttpMethod.POST, "/api/notifications/{id:[0-9]+}/read",
            "/api/notifications/read-all").authenticated();
  }
}
