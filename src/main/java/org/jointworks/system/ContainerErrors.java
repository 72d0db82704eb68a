package org.jointworks.system;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ProblemErrorReportValve} in place of Tomcat's HTML error report on the host, so
 * the container's own refusals (bad paths, malformed requests) answer problem+json too.
 *
 * <p>Spring Boot adds its own {@link ErrorReportValve} to the host from a context customizer
 * whose order relative to ours is not guaranteed, so the swap happens when the context starts,
 * after every customizer has run: every other error report valve leaves the host's pipeline.
 * The host is told to add no default valve of its own (an empty class name): given our class
 * name instead, it tried to load it through Tomcat's class loader, which under
 * {@code spring-boot:run} cannot see the application's classes, and logged an ERROR at every
 * start. Thread-safe (runs once at start-up).
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof StandardHost host) {
        host.setErrorReportValveClass("");
      }
      context.addLifecycleListener(event -> {
        if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
          replaceValves(((Context) event.getLifecycle()).getParent());
        }
      });
    });
  }

  private static void replaceValves(Container host) {
    boolean ours = false;
    for (Valve valve : host.getPipeline().getValves()) {
      if (valve instanceof ProblemErrorReportValve) {
        ours = true;
      } else if (valve instanceof ErrorReportValve) {
        host.getPipeline().removeValve(valve);
      }
    }
    if (!ours) {
      host.getPipeline().addValve(new ProblemErrorReportValve());
    }
  }
}
