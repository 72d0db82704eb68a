package org.jointworks.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jakarta.servlet.http.HttpServletResponse;
import org.jointworks.layers.Layer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Deny by default: every endpoint is named here with its role rule, and
 * anything not named is refused. Finer rules that depend on the data (a utility may write only its
 * own organisation's features, which roles may import which layer) live in
 * {@link org.jointworks.layers.LayerAccess}.
 *
 * <p>API clients use HTTP Basic; the map page signs in with a form and a session cookie, which is
 * why CSRF protection stays on for requests that ride a session.
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

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, List<EndpointRules> featureRules)
      throws Exception {
    http
        .authorizeHttpRequests(a -> {
          foundationRules(a);
          featureRules.forEach(r -> r.apply(a));
          a.anyRequest().denyAll();
        })
        .cors(c -> c.configurationSource(CrossOriginReads.source()))
        .httpBasic(b -> b.realmName("JointWorks"))
        .formLogin(f -> f.loginPage("/login.html").loginProcessingUrl("/login")
            .defaultSuccessUrl("/", true).failureUrl("/login.html?error").permitAll())
        .logout(l -> l.logoutSuccessUrl("/"))
        // The page reads the XSRF-TOKEN cookie and sends it back as X-XSRF-TOKEN.
        .csrf(c -> c.spa()
            // Only a session cookie can be ridden by another site; requests without one
            // (Basic-authenticated or anonymous API calls) have no session to forge.
            .ignoringRequestMatchers(
                r -> r.getHeader("Authorization") != null || r.getRequestedSessionId() == null))
        .exceptionHandling(e -> e
            .defaultAuthenticationEntryPointFor(
                (req, res, ex) -> problem(res, 401, "sign in to do this",
                    !"XMLHttpRequest".equals(req.getHeader("X-Requested-With"))), API)
            .defaultAccessDeniedHandlerFor(
                (req, res, ex) -> problem(res, 403, "your role may not do this", false), API));
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
            "/js/**", "/img/**", "/i18n/**", "/webjars/**", "/login.html", "/error").permitAll()
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

  /**
   * Writes a problem-details answer. The Basic challenge is left out for the page's own requests
   * (marked X-Requested-With): a browser answers a challenge with a modal password dialog.
   */
  private static void problem(HttpServletResponse res, int status, String detail,
      boolean challenge) throws IOException {
    res.setStatus(status);
    if (challenge) {
      res.setHeader("WWW-Authenticate", "Basic realm=\"JointWorks\"");
    }
    res.setContentType("application/problem+json");
    res.setCharacterEncoding(StandardCharsets.UTF_8.name());
    res.getWriter().write("{\"type\":\"about:blank\",\"title\":\""
        + (status == 401 ? "Unauthorized" : "Forbidden") + "\",\"status\":" + status
        + ",\"detail\":\"" + detail + "\"}");
  }

}
