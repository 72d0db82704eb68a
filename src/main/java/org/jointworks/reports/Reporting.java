package org.jointworks.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Assesses a county's reporting as of a day: every month whose report was due before that day is
 * on time, late, corrected, unapproved or missing, and scores 1 (approved, on time, never
 * corrected), minus 0.5 if late, minus 0.25 if corrected, at least 0.25 once approved; 0 when
 * missing or not approved by the day (an unapproved report does not count). Stateless.
 */
public final class Reporting {
  private Reporting() {}

  /**
   * One due month of one county; {@code source} says its due day and score are the city's
   * settings ({@code local setting}), not the plan's (the plan asks for monthly reports only).
   */
  public record Month(String period, LocalDate dueOn, String state, Long reportId,
      long daysLate, int corrections, double score, String source) {
    public Month(String period, LocalDate dueOn, String state, Long reportId, long daysLate,
        int corrections, double score) {
      this(period, dueOn, state, reportId, daysLate, corrections, score, "local setting");
    }
  }

  /** The county's months, given its reports keyed by period. */
  public static List<Month> assess(Map<String, MonthlyReport> byPeriod, YearMonth first,
      YearMonth last, int dueDay, LocalDate asOf) {
    List<Month> out = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      LocalDate due = MonthlyReport.dueOn(m, dueDay);
      if (!due.isBefore(asOf)) {
        break;
      }
      MonthlyReport r = byPeriod.get(m.toString());
      if (r == null || r.submittedOn().isAfter(asOf)) {
        out.add(new Month(m.toString(), due, "missing", null,
            java.time.temporal.ChronoUnit.DAYS.between(due, asOf), 0, 0));
        continue;
      }
      boolean corrected = r.corrections() > 0 && r.correctedOn() != null
          && !r.correctedOn().isAfter(asOf);
      if (!r.approvedBy(asOf)) {
        out.add(new Month(m.toString(), due, "unapproved", r.id(), r.daysLate(),
            r.corrections(), 0));
        continue;
      }
      if (r.check() != null && r.check().flagged()) {
        // 瞒报/错报: figures that disagree with the records count as no valid report.
        out.add(new Month(m.toString(), due, r.check().flag(), r.id(), r.daysLate(),
            r.corrections(), 0));
        continue;
      }
      double score = Math.max(0.25, 1 - (r.late() ? 0.5 : 0) - (corrected ? 0.25 : 0));
      String state = r.late() ? "late" : corrected ? "corrected" : "on_time";
      out.add(new Month(m.toString(), due, state, r.id(), r.daysLate(), r.corrections(),
          score));
    }
    return out;
  }

  /** The mean score of the months, 1 when none was due yet. */
  public static double score(List<Month> months) {
    return months.isEmpty() ? 1 : months.stream().mapToDouble(Month::score).average().orElse(1);
  }
}
