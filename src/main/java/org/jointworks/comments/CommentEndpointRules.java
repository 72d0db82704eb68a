package org.jointworks.comments;

import org.jointworks.system.EndpointRules;
import org.jointworks.system.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the comments: signed-in users read threads and attachments (a permit scan or a
 * drawing may show pipelines, which anonymous users never see); the roles that take part in
 * coordination write them (UTILITY, PLANNER, ROAD_AUTHORITY, ADMIN); LEADER reads only.
 */
@Component
class CommentEndpointRules implements EndpointRules {
  private static final String[] THREADS = {"/api/works/{id:[0-9]+}/comments",
      "/api/projects/{id:[0-9]+}/comments"};
  private static final String[] UPLOADS = {"/api/works/{id:[0-9]+}/attachments",
      "/api/projects/{id:[0-9]+}/attachments"};

  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    String[] writers = {Role.UTILITY.name(), Role.PLANNER.name(), Role.ROAD_AUTHORITY.name(),
        Role.ADMIN.name()};
    a.requestMatchers(HttpMethod.GET, THREADS).authenticated()
        .requestMatchers(HttpMethod.GET, "/api/attachments/{id:[0-9]+}").authenticated()
        .requestMatchers(HttpMethod.POST, THREADS).hasAnyRole(writers)
        .requestMatchers(HttpMethod.POST, UPLOADS).hasAnyRole(writers);
  }
}
