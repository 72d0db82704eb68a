package org.jointworks.countyplans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A county's filed plan: the targets of its districts row and its plan projects as they stood at
 * filing, the baseline. Immutable.
 *
 * @param filedOn the day it was filed (the server's, or an ADMIN's earlier day when recorded late)
 * @param recordedOn the server's day of recording
 * @param late whether it was filed after the plan-filed deadline or recorded late
 * @param status {@code filed}, then {@code approved} by the city office
 * @param reporter the county's named reporter (专人专责), given with the filing
 */
public record CountyPlan(long id, String district, int programmeYear, LocalDate filedOn,
    LocalDate recordedOn, String lateReason, String filedBy, String note, Targets targets,
    List<BaselineProject> projects, Totals baseline, String status, String approvedBy,
    LocalDate approvedOn, LocalDate dueOn, boolean late, Instant recordedAt, String reporter) {

  public record Targets(long communities, long households, long buildings, double floorAreaM2) {}

  /** One plan project as filed. */
  public record BaselineProject(long projectId, long communityId, long households,
      long buildings, double floorAreaM2, double budgetYuan) {}

  /** The baseline's sums: the five figures an adjustment must not lower. */
  public record Totals(long communities, long buildings, long households, double floorAreaM2,
      double investmentYuan) {
    static Totals of(List<BaselineProject> projects) {
      return new Totals(projects.size(),
          projects.stream().mapToLong(BaselineProject::buildings).sum(),
          projects.stream().mapToLong(BaselineProject::households).sum(),
          projects.stream().mapToDouble(BaselineProject::floorAreaM2).sum(),
          projects.stream().mapToDouble(BaselineProject::budgetYuan).sum());
    }
  }
}
