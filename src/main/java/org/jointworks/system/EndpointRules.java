package org.jointworks.system;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The role rules of one feature's endpoints. Each feature package declares its own as a bean;
 * {@link SecurityConfig} applies them all before its final deny-all, so an endpoint that no
 * feature names stays refused.
 */
@FunctionalInterface
public interface EndpointRules {
  void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
