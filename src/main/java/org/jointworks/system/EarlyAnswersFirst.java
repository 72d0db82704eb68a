package org.jointworks.system;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Keeps the early answers ahead of the request observation. Spring Boot registers its
 * {@code ServerHttpObservationFilter} at {@code HIGHEST_PRECEDENCE + 1}, the order of the
 * anonymous tile and items filters (second after {@code cluster/RevisionWaitFilter}), and a
 * registration bean sorts before filter beans of the same order, so the observation wrapped
 * them: its context, tags and timer on every cached tile and page (decisions 15 and 96). It moves
 * to {@code HIGHEST_PRECEDENCE + 2}; the filters that refuse requests ({@code limits/}, uploads)
 * come after it, so their refusals stay observed. Filter order, first to last:
 * RevisionWaitFilter and the character encoding ({@code HIGHEST_PRECEDENCE}), the early answers
 * ({@code + 1}), the observation ({@value #OBSERVATION} from the highest), the limits
 * ({@code + 3}), uploads ({@code + 4}), the API requests' count ({@code ForegroundRequests},
 * {@code + 5}, decision 103), then Spring Security (-100).
 */
@Component
class EarlyAnswersFirst implements BeanPostProcessor {
  /** The observation's distance from {@link Ordered#HIGHEST_PRECEDENCE}. */
  static final int OBSERVATION = 2;

  @Override
  public Object postProcessBeforeInitialization(Object bean, String name) {
    if (bean instanceof FilterRegistrationBean<?> r
        && r.getFilter() instanceof ServerHttpObservationFilter) {
      r.setOrder(Ordered.HIGHEST_PRECEDENCE + OBSERVATION);
    }
    return bean;
  }
}
