package org.jointworks.cluster;

import java.util.ArrayList;
import java.util.List;
import org.jointworks.JointWorksApplication;
import org.jointworks.support.Http;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Service instances of the {@code postgis} profile in this JVM, each a Spring context with its
 * own web server on a random port, all on one store (one schema): what an operator runs behind
 * a load balancer, without the processes. Started one after the other (the first migrates the
 * schema and creates the demo users); closed together.
 */
final class Instances implements AutoCloseable {
  private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

  Instances(String jdbcUrl, int count, String... settings) {
    List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + jdbcUrl,
        "--server.port=0", "--jointworks.demo-users=true", "--jointworks.sample-data=false",
        "--spring.main.banner-mode=off",
        // The machine's PostgreSQL is shared: a small pool per instance is plenty here.
        "--spring.datasource.hikari.maximum-pool-size=4"));
    for (String setting : settings) {
      args.add("--" + setting);
    }
    for (int i = 0; i < count; i++) {
      contexts.add(new SpringApplicationBuilder(JointWorksApplication.class)
          .profiles("postgis")
          // Arguments, not default properties: they must win over the profile's settings.
          .run(args.toArray(String[]::new)));
    }
  }

  ConfigurableApplicationContext context(int i) {
    return contexts.get(i);
  }

  <T> T bean(int i, Class<T> type) {
    return contexts.get(i).getBean(type);
  }

  int port(int i) {
    return Integer.parseInt(contexts.get(i).getEnvironment().getProperty("local.server.port"));
  }

  Http http(int i) {
    return Http.anonymous(port(i));
  }

  @Override
  public void close() {
    contexts.forEach(ConfigurableApplicationContext::close);
  }
}
