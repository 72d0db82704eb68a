package org.jointworks.linkage;

import java.util.Set;
import org.jointworks.system.EndpointRules;
import org.jointworks.system.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the linkage endpoints (docs/linkage.md, "Roles"):
 * <ul>
 *   <li>anyone reads neighbours and adjacency: they derive from the communities alone, which
 *       are public;</li>
 *   <li>signed-in users of every role read suggestions, stored areas, their reports and the
 *       facility gaps: these show facilities, which are not public, and reports list pipelines,
 *       which are critical infrastructure; drawn areas are planners' work in progress;</li>
 *   <li>PLANNER and ADMIN draw, change, delete and preview areas.</li>
 * </ul>
 * The OGC collection {@code linked-areas} ({@code /ogcapi/collections/linked-areas/…}) has its
 * rules built by the OGC API's own rules from the same facts: signed-in reads
 * ({@link LinkedAreaCollection#publicRead()}) and {@link #AREA_WRITERS} for writes.
 */
@Component
class LinkageRules implements EndpointRules {
  /**
   * The roles that draw, change and delete linked areas, here and in the OGC collection
   * {@code linked-areas} ({@link LinkedAreaWrites}).
   */
  static final Set<Role> AREA_WRITERS = Set.of(Role.ADMIN, Role.PLANNER);

  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    String[] writers = AREA_WRITERS.stream().map(Role::name).sorted().toArray(String[]::new);
    a.requestMatchers(HttpMethod.GET, "/api/linkage/adjacency",
            "/api/communities/{id}/neighbours").permitAll()
        .requestMatchers(HttpMethod.GET, "/api/communities/{id}/facility-gaps",
            "/api/linked-areas", "/api/linked-areas/{id}", "/api/linked-areas/{id}/report",
            "/api/linked-areas/{id}/facility-gaps").authenticated()
        .requestMatchers(HttpMethod.POST, "/api/linkage/suggestions").authenticated()
        .requestMatchers(HttpMethod.POST, "/api/linked-areas", "/api/linked-areas/preview")
            .hasAnyRole(writers)
        .requestMatchers(HttpMethod.PUT, "/api/linked-areas/{id}").hasAnyRole(writers)
        .requestMatchers(HttpMethod.DELETE, "/api/linked-areas/{id}").hasAnyRole(writers);
  }
}
