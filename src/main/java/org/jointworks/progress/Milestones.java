package org.jointworks.progress;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jointworks.projects.ProgrammeProperties;
import org.jointworks.projects.Project;
import org.jointworks.projects.ProjectStatus;

/**
 * A project's deadlines against an "as of" day: the scheme fixed by 03-20, started by 03-31,
 * completed by 10-31 (the plan's dates, from settings). Each is {@code done} (on time),
 * {@code done_late}, {@code overdue} (not done, its day passed) or {@code due} (not yet). Days
 * late count from the day after the deadline. A step an ADMIN recorded late on someone's behalf
 * counts from the day it was recorded (the server's), not the day it says it took effect: it is
 * shown late, with both days. Stateless.
 */
public final class Milestones {
  private Milestones() {}

  public record Milestone(String name, LocalDate dueOn, LocalDate doneOn, String state,
      long daysLate, LocalDate recordedOn, String lateReason) {
    public Milestone(String name, LocalDate dueOn, LocalDate doneOn, String state,
        long daysLate) {
      this(name, dueOn, doneOn, state, daysLate, null, null);
    }

    public boolean late() {
      return daysLate > 0;
    }
  }

  public static List<Milestone> of(Project p, ProgrammeProperties.Deadlines d, LocalDate asOf) {
    return List.of(
        one("scheme_fixed", p, ProjectStatus.SCHEME_DRAFTED, d.schemeFixed(), asOf),
        one("started", p, ProjectStatus.STARTED, d.started(), asOf),
        one("completed", p, ProjectStatus.COMPLETED, d.completed(), asOf));
  }

  static Milestone one(String name, Project p, ProjectStatus status, LocalDate due,
      LocalDate asOf) {
    Project.Transition step = p.reaching(status).filter(t -> !t.effectiveOn().isAfter(asOf))
        .orElse(null);
    if (step != null) {
      long late = Math.max(0, ChronoUnit.DAYS.between(due, step.countsOn()));
      return new Milestone(name, due, step.effectiveOn(), late > 0 ? "done_late" : "done", late,
          step.lateReason() == null ? null : step.recordedOn(), step.lateReason());
    }
    if (asOf.isAfter(due)) {
      return new Milestone(name, due, null, "overdue", ChronoUnit.DAYS.between(due, asOf));
    }
    return new Milestone(name, due, null, "due", 0);
  }

  /**
   * The county's annual implementation plan filed with the city office by 02-25 (the plan's
   * 三(一)): done on the filing day; a filing an ADMIN recorded late counts from the day it was
   * recorded, with both days shown; overdue while not filed after the day.
   */
  public static Milestone planFiled(LocalDate due, LocalDate filedOn, LocalDate recordedOn,
      String lateReason, LocalDate asOf) {
    if (filedOn != null && !filedOn.isAfter(asOf)) {
      LocalDate counts = recordedOn != null && recordedOn.isAfter(filedOn) ? recordedOn : filedOn;
      long late = Math.max(0, ChronoUnit.DAYS.between(due, counts));
      return new Milestone("plan_filed", due, filedOn, late > 0 ? "done_late" : "done", late,
          lateReason == null ? null : recordedOn, lateReason);
    }
    return asOf.isAfter(due)
        ? new Milestone("plan_filed", due, null, "overdue", ChronoUnit.DAYS.between(due, asOf))
        : new Milestone("plan_filed", due, null, "due", 0);
  }

  /** A county's own deadline (a self-assessment): done on the first record by its day. */
  public static Milestone county(String name, LocalDate due, List<LocalDate> records,
      LocalDate after, LocalDate asOf) {
    LocalDate done = records.stream().filter(x -> x.isAfter(after) && !x.isAfter(asOf))
        .min(LocalDate::compareTo).orElse(null);
    if (done != null) {
      long late = Math.max(0, ChronoUnit.DAYS.between(due, done));
      return new Milestone(name, due, done, late > 0 ? "done_late" : "done", late);
    }
    return asOf.isAfter(due)
        ? new Milestone(name, due, null, "overdue", ChronoUnit.DAYS.between(due, asOf))
        : new Milestone(name, due, null, "due", 0);
  }
}
