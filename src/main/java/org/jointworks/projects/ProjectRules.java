package org.jointworks.projects;

import org.jointworks.system.EndpointRules;
import org.jointworks.system.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the project endpoints: every signed-in user reads projects and the catalogue
 * (utilities need to see which communities renovate their pipelines); ADMIN and COUNTY_OFFICER
 * (its own county only: {@link CountyScope}) write projects, consent and transitions; the
 * CITY_OFFICE replaces a project only to approve a material change of its scheme; PLANNER,
 * LEADER, COUNTY_LEADER and UTILITY write nothing; anonymous users nothing.
 */
@Component
class ProjectRules implements EndpointRules {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    String[] writers = {Role.ADMIN.name(), Role.COUNTY_OFFICER.name()};
    a.requestMatchers(HttpMethod.GET, "/api/catalogue", "/api/projects", "/api/projects/*")
        .authenticated()
        .requestMatchers(HttpMethod.POST, "/api/projects", "/api/projects/*/consent",
            "/api/projects/*/transitions").hasAnyRole(writers)
        .requestMatchers(HttpMethod.PUT, "/api/projects/*")
        .hasAnyRole(Role.ADMIN.name(), Role.COUNTY_OFFICER.name(), Role.CITY_OFFICE.name());
  }
}
