package org.jointworks.backup;

import org.jointworks.system.EndpointRules;
import org.jointworks.system.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Backups hold every row of the store: only ADMIN lists or makes them. */
@Component
class BackupEndpointRules implements EndpointRules {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    a.requestMatchers("/api/admin/backups").hasRole(Role.ADMIN.name());
  }
}
