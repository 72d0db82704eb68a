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
 */
public record MonthlyReport(long id, long version, String district, String period,
    LocalDate submittedOn, String submittedBy, long projectsStarted, long projectsCompleted,
    long householdsCompleted, double investmentYuan, String note, int corrections,
    LocalDate correctedOn, String status, String approvedBy, LocalDate approvedOn,
    LocalDate dueOn, boolean late, long daysLate) {

  static LocalDate dueOn(YearMonth period, int dueDay) {
    return period.plusMonths(1).atDay(dueDay);
  }

  /** Whether it was approved (and so counts) by the end of {@code day}. */
  public boolean approvedBy(LocalDate day) {
    return "approved".equals(status) && approvedOn != null && !approvedOn.isAfter(day);
  }
}
