package org.jointworks.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings under {@code jointworks.}.
 *
 * @param dataDir where the embedded store keeps its files
 * @param sampleData whether an empty store receives the sample city on start
 * @param demoUsers whether the demo users (admin, planner, leader, one per utility) are created
 * @param demoPassword the demo users' password
 * @param metricCrs the EPSG code of the metric CRS the analyses run in
 */
@ConfigurationProperties("jointworks")
public record JointWorksProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue("true") boolean sampleData,
    @DefaultValue("true") boolean demoUsers,
    @DefaultValue("demo") String demoPassword,
    @DefaultValue("4547") int metricCrs) {

  public JointWorksProperties {
    if (demoUsers && (demoPassword == null || demoPassword.isBlank())) {
      throw new IllegalArgumentException("jointworks.demo-password must not be blank");
    }
  }
}
