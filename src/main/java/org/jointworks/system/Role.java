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
  ROAD_AUTHORITY;

  public String authority() {
    return "ROLE_" + name();
  }
}
