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
 * LEADER, COUNTY_LEADER and UTILITY write nothing; anonymous users nothing. Scheme approvals
 * are the CITY_OFFICE's alone; funds in place and pilots are written like projects; the city's
 * funds-before-start switch is ADMIN's or the CITY_OFFICE's; every signed-in user reads them. The
 * 城市体检 list is read by the city roles and the county roles (own county: the controller).
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
        .hasAnyRole(Role.ADMIN.name(), Role.COUNTY_OFFICER.name(), Role.CITY_OFFICE.name())
        .requestMatchers(HttpMethod.GET, "/api/projects/*/scheme-approvals",
            "/api/projects/*/funds", "/api/programme/pilots", "/api/programme/rules")
        .authenticated()
        // The scheme review is the city office's alone (not ADMIN's: a review is not repair).
        .requestMatchers(HttpMethod.POST, "/api/projects/*/scheme-approvals")
        .hasRole(Role.CITY_OFFICE.name())
        .requestMatchers(HttpMethod.POST, "/api/projects/*/funds", "/api/projects/*/pilot")
        .hasAnyRole(writers)
        .requestMatchers(HttpMethod.GET, "/api/health-check/projects")
        .hasAnyRole(Role.ADMIN.name(), Role.PLANNER.name(), Role.LEADER.name(),
            Role.CITY_OFFICE.name(), Role.COUNTY_OFFICER.name(), Role.COUNTY_LEADER.name())
        .requestMatchers(HttpMethod.PUT, "/api/programme/rules/funds-before-start")
        .hasAnyRole(Role.ADMIN.name(), Role.CITY_OFFICE.name());
  }
}
