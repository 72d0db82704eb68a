package org.jointworks.system;

import java.util.ArrayList;
import java.util.List;
import org.jointworks.layers.Layer;
import org.jointworks.map.MapProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Deny by default: every endpoint is named here with its role rule, and
 * anything not named is refused. Finer rules that depend on the data (a utility may write only its
 * own organisation's features, which roles may import which layer) live in
 * {@link org.jointworks.layers.LayerAccess}.
 *
 * <p>API clients use HTTP Basic; the map page signs in with a form and a session cookie. CSRF is
 * decided by the cookie (decision 25): a request that carries a session cookie needs the token
 * whatever other headers it has; one without a session cookie (a Basic API call, an anonymous
 * read) has no session to ride. Sign-ins by either door go through the one throttled
 * {@code AuthenticationProvider} of {@code org.jointworks.signin}; every live session is checked
 * against its account on each request ({@link LiveAccountCheck}). Headers: {@link PagePolicy}.
 */
@Configuration
class SecurityConfig {

  /** Paths that answer 401/403 as problem JSON rather than redirecting to the sign-in form. */
  static final RequestMatcher API = request -> {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/") || path.startsWith("/ogcapi") || path.startsWith("/actuator");
  };

  @Bean
  PasswordEncoder passwordEncoder() {
    return new VerifiedPasswordCache(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
        java.time.Clock.systemUTC());
  }

  /** The firewall's refusals (a {@code ;} or {@code //} in a path) as problem+json. */
  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return SecurityRefusals.rejected();
  }

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, List<EndpointRules> featureRules,
      UserStore users, MapProperties map) throws Exception {
    http
        .authorizeHttpRequests(a -> {
          foundationRules(a);
          featureRules.forEach(r -> r.apply(a));
          a.anyRequest().denyAll();
        })
        .cors(c -> c.configurationSource(CrossOriginReads.source()))
        .httpBasic(b -> b.realmName("JointWorks")
            .authenticationDetailsSource(SignInDetails.source(SignInDetails.BASIC))
            .authenticationEntryPoint((req, res, ex) -> SecurityRefusals.authenticationFailed(
                req, res, ex, !SecurityRefusals.fromPage(req))))
        .formLogin(f -> f.loginPage("/login.html").loginProcessingUrl("/login")
            .authenticationDetailsSource(SignInDetails.source(SignInDetails.FORM))
            .successHandler(FormSignIn::succeeded)
            .failureHandler((req, res, ex) -> SecurityRefusals.authenticationFailed(
                req, res, ex, false))
            .permitAll())
        // Ends the session in its store (memory or JDBC) and tells the browser to drop it.
        .logout(l -> l.invalidateHttpSession(true).clearAuthentication(true)
            .deleteCookies("JSESSIONID", "SESSION")
            .logoutSuccessHandler(FormSignIn::signedOut))
        // The page reads the XSRF-TOKEN cookie and sends it back as X-XSRF-TOKEN.
        .csrf(c -> c.spa().ignoringRequestMatchers(r -> r.getRequestedSessionId() == null))
        .headers(h -> h
            .contentSecurityPolicy(p -> p.policyDirectives(PagePolicy.contentSecurityPolicy(map)))
            .referrerPolicy(r -> r.policy(
                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
            .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                PagePolicy.PERMISSIONS_POLICY))
            .frameOptions(f -> f.deny()))
        .addFilterBefore(new LiveAccountCheck(users), AuthorizationFilter.class)
        .exceptionHandling(e -> e
            .authenticationEntryPoint(SecurityRefusals.entryPoint())
            .accessDeniedHandler(SecurityRefusals.accessDenied()));
    return http.build();
  }

  /** The rules of the foundation's own endpoints: layers, import/export, organisations. */
  private static void foundationRules(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
    String[] publicLayerReads = layerPaths(true);
    String[] signedInLayerReads = layerPaths(false);
    String[] layerWrites = layerItemPaths();
    a.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/favicon.ico", "/css/**",
            "/js/**", "/img/**", "/i18n/**", "/webjars/**", "/login.html", "/account.html",
            "/admin.html", "/error").permitAll()
        .requestMatchers(HttpMethod.GET, "/api/map/config").permitAll()
        .requestMatchers(HttpMethod.GET, publicLayerReads).permitAll()
        .requestMatchers(HttpMethod.GET, signedInLayerReads).authenticated()
        .requestMatchers(HttpMethod.GET, "/api/me").authenticated()
        .requestMatchers(HttpMethod.GET, "/api/organisations").authenticated()
        .requestMatchers(HttpMethod.POST, "/api/organisations").hasRole(Role.ADMIN.name())
        .requestMatchers(HttpMethod.POST, "/api/import/*")
            .hasAnyRole(Role.ADMIN.name(), Role.PLANNER.name(), Role.UTILITY.name())
        .requestMatchers(HttpMethod.POST, layerWrites)
            .hasAnyRole(Role.ADMIN.name(), Role.PLANNER.name(), Role.UTILITY.name())
        .requestMatchers(HttpMethod.PUT, layerWrites)
            .hasAnyRole(Role.ADMIN.name(), Role.PLANNER.name(), Role.UTILITY.name())
        .requestMatchers(HttpMethod.DELETE, layerWrites)
            .hasAnyRole(Role.ADMIN.name(), Role.PLANNER.name(), Role.UTILITY.name());
  }

  /** GET paths of the layers that anonymous users may (or may not) read. */
  private static String[] layerPaths(boolean publicRead) {
    List<String> paths = new ArrayList<>();
    for (Layer layer : Layer.values()) {
      if (layer.publicRead() == publicRead) {
        paths.add("/api/" + layer.id());
        // Any single segment: a malformed id answers 400 from the controller, and the layer's
        // read rule covers its sub-resources of one segment (e.g. /api/works/conflicts).
        paths.add("/api/" + layer.id() + "/{id}");
        paths.add("/api/export/" + layer.id());
      }
    }
    return paths.toArray(String[]::new);
  }

  private static String[] layerItemPaths() {
    List<String> paths = new ArrayList<>();
    for (Layer layer : Layer.values()) {
      paths.add("/api/" + layer.id());
      // Digits only: /api/works/conflicts and the like are other features' endpoints.
      paths.add("/api/" + layer.id() + "/{id:[0-9]+}");
    }
    return paths.toArray(String[]::new);
  }

}
