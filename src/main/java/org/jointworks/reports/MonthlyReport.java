package org.jointworks.reports;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One county's report of one month. It counts only when {@code status} is {@code approved}; a
 * correction sends it back to {@code submitted} for approval again and is counted in
 * {@code corrections}. Immutable.
 *
 * @param period the month reported, {@code yyyy-MM}
 * @param dueOn the day it was due: the report-due day of the following month
 * @param late whether it reached the server after its due day (an ADMIN's late record on the
 *     county's behalf counts from the day it was recorded)
 * @param reporter the county's named reporter (专人专责)
 * @param recordedOn the server's day of recording; {@code submittedOn} differs only in an
 *     ADMIN's late record, which carries {@code lateReason}
 * @param check the figures against the projects' records at the end of the month; null until
 *     the service adds it
 */
public record MonthlyReport(long id, long version, String district, String period,
    LocalDate submittedOn, String submittedBy, long projectsStarted, long projectsCompleted,
    long householdsCompleted, double investmentYuan, String note, int corrections,
    LocalDate correctedOn, String status, String approvedBy, LocalDate approvedOn,
    LocalDate dueOn, boolean late, long daysLate, String reporter, LocalDate recordedOn,
    String lateReason, RecordCheck check) {

  /**
   * A report's figures against the records: what the projects' statuses say at the end of the
   * month, and whether the report said less (possibly concealed, 瞒报) or more (possibly wrong,
   * 错报).
   */
  public record RecordCheck(long projectsStarted, long projectsCompleted,
      long householdsCompleted, java.util.List<String> mismatches, String flag) {
    public boolean flagged() {
      return flag != null;
    }
  }

  /** The due day is the city's setting ({@code jointworks.programme.report-due-day}). */
  @com.fasterxml.jackson.annotation.JsonProperty("dueOnSource")
  public String dueOnSource() {
    return "local setting";
  }

  /** A report as stored before issue 12: no named reporter, no late record, not yet checked. */
  public MonthlyReport(long id, long version, String district, String period,
      LocalDate submittedOn, String submittedBy, long projectsStarted, long projectsCompleted,
      long householdsCompleted, double investmentYuan, String note, int corrections,
      LocalDate correctedOn, String status, String approvedBy, LocalDate approvedOn,
      LocalDate dueOn, boolean late, long daysLate) {
    this(id, version, district, period, submittedOn, submittedBy, projectsStarted,
        projectsCompleted, householdsCompleted, investmentYuan, note, corrections, correctedOn,
        status, approvedBy, approvedOn, dueOn, late, daysLate, null, submittedOn, null, null);
  }

  MonthlyReport withCheck(RecordCheck c) {
    return new MonthlyReport(id, version, district, period, submittedOn, submittedBy,
        projectsStarted, projectsCompleted, householdsCompleted, investmentYuan, note,
        corrections, correctedOn, status, approvedBy, approvedOn, dueOn, late, daysLate,
        reporter, recordedOn, lateReason, c);
  }

  static LocalDate dueOn(YearMonth period, int dueDay) {
    return period.plusMonths(1).atDay(dueDay);
  }

  /** Whether it was approved (and so counts) by the end of {@code day}. */
  public boolean approvedBy(LocalDate day) {
    return "approved".equals(status) && approvedOn != null && !approvedOn.isAfter(day);
  }
}
