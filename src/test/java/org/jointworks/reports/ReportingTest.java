package org.jointworks.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Monthly reporting assessed as of a day. */
class ReportingTest {
  static MonthlyReport report(String period, String submitted, String approved, int corrections) {
    LocalDate due = MonthlyReport.dueOn(YearMonth.parse(period), 10);
    LocalDate on = LocalDate.parse(submitted);
    long late = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(due, on));
    return new MonthlyReport(1, 1, "x", period, on, "p", 0, 0, 0, 0, null, corrections,
        corrections > 0 ? on.plusDays(1) : null, approved == null ? "submitted" : "approved",
        approved == null ? null : "leader", approved == null ? null : LocalDate.parse(approved),
        due, late > 0, late);
  }

  @Test
  void monthsNotYetDueAreNotAssessedAndApprovalAfterTheDayDoesNotCount() {
    var months = Reporting.assess(Map.of(
        "2023-02", report("2023-02", "2023-03-09", "2023-04-20", 0)),
        YearMonth.of(2023, 2), YearMonth.of(2023, 12), 10, LocalDate.parse("2023-04-10"));
    assertThat(months).hasSize(1);
    assertThat(months.get(0).state()).isEqualTo("unapproved");
    assertThat(Reporting.score(months)).isZero();
    var later = Reporting.assess(Map.of(
        "2023-02", report("2023-02", "2023-03-12", "2023-03-13", 1)),
        YearMonth.of(2023, 2), YearMonth.of(2023, 12), 10, LocalDate.parse("2023-04-11"));
    assertThat(later.get(0).state()).isEqualTo("late");
    assertThat(later.get(0).score()).isEqualTo(0.25);
    assertThat(later.get(1).state()).isEqualTo("missing");
    assertThat(Reporting.score(java.util.List.of())).isEqualTo(1);
  }
}
