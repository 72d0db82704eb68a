package org.jointworks.projects;

import org.jointworks.support.Http;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One H2GIS context for the programme's HTTP tests (shared by Spring's context cache across the
 * test classes that extend it); each test makes its own communities and projects.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ProgrammeContext {
  @LocalServerPort
  protected int port;
  protected Http anonymous;
  protected Http admin;
  protected Http planner;
  protected Http leader;
  protected Http utility;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, false);
  }

  @BeforeEach
  void clients() {
    anonymous = Http.anonymous(port);
    admin = anonymous.as("admin");
    planner = anonymous.as("planner");
    leader = anonymous.as("leader");
    utility = anonymous.as("water_supply");
  }
}
