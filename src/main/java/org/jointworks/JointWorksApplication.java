package org.jointworks;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the JointWorks service: the spatial store, the API and the map page. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class JointWorksApplication {
  public static void main(String[] args) {
    SpringApplication.run(JointWorksApplication.class, args);
  }
}
