package org.jointworks.system;

/** The roles of the service; a user has exactly one. */
public enum Role {
  /** Administers reference data, users and every layer. */
  ADMIN,
  /** Draws joint renovation areas and edits the planning layers. */
  PLANNER,
  /** A utility company, bound to one owner organisation: edits only its own pipelines and works. */
  UTILITY,
  /** Watches progress; reads everything, writes nothing. */
  LEADER,
  /**
   * The city's road-works office (the highway authority of UK Street Manager): grants or refuses
   * the works permits, records overrides and moratorium exceptions; edits no layer.
   */
  ROAD_AUTHORITY,
  /**
   * A county's renovation office (县市区百城办), bound to one county (a district code): files its
   * county's plan and adjustments, keeps its projects, sends its monthly reports.
   */
  COUNTY_OFFICER,
  /** The leader of a county unit, bound to one county: alone approves its monthly reports. */
  COUNTY_LEADER,
  /** The city office (市百城办): approves schemes, adjustments and the counties' plans. */
  CITY_OFFICE;

  /** Whether a user of this role acts for one county only. */
  public boolean countyScoped() {
    return this == COUNTY_OFFICER || this == COUNTY_LEADER;
  }

  public String authority() {
    return "ROLE_" + name();
  }
}
