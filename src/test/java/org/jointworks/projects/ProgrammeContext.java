package org.jointworks.projects;

import java.time.Clock;
import org.jointworks.support.Http;
import org.jointworks.support.Stores;
import org.jointworks.support.TestClock;
import org.jointworks.system.Role;
import org.jointworks.system.UserStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One H2GIS context for the programme's HTTP tests (shared by Spring's context cache across the
 * test classes that extend it); each test makes its own communities and projects. The business
 * clock is a {@link TestClock} the tests move (dates are the server's, never the client's); every
 * county has an officer ({@code <code>_officer}) and a leader ({@code <code>_leader}), and there
 * is a city office ({@code city_office}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ProgrammeContext.Clocks.class)
public abstract class ProgrammeContext {
  public static final String[] COUNTIES = {"weibin", "hongqi", "muye", "fengquan", "gaoxin",
      "huixian", "weihui", "yuanyang", "yanjin", "fengqiu", "changyuan"};

  /** The movable test clock as the business Clock bean (also used by ProgrammePostgisTest). */
  @TestConfiguration
  public static class Clocks {
    @Bean
    @Primary
    Clock testClock() {
      return new TestClock();
    }
  }

  @Autowired
  UserStore users;
  protected Http cityOffice;
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
    cityOffice = anonymous.as("city_office");
    TestClock.set("2023-07-15");
    TestClock.follow(true);
    for (String c : COUNTIES) {
      users.createIfAbsent(c + "_officer", "demo", Role.COUNTY_OFFICER, null, c);
      users.createIfAbsent(c + "_leader", "demo", Role.COUNTY_LEADER, null, c);
    }
    users.createIfAbsent("city_office", "demo", Role.CITY_OFFICE, null);
  }

  /** No county plan outlives its test: each test files the plans it needs. */
  @org.junit.jupiter.api.AfterEach
  void unfilePlans() {
    jdbcForPlans.update("DELETE FROM county_plan_projects");
    jdbcForPlans.update("DELETE FROM county_plans");
  }

  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbcForPlans;

  /** The officer of {@code county}. */
  protected Http officer(String county) {
    return anonymous.as(county + "_officer");
  }

  /** The leader of {@code county}'s unit. */
  protected Http countyLeader(String county) {
    return anonymous.as(county + "_leader");
  }
}
