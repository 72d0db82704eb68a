package org.jointworks.overdue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jointworks.projects.Project;
import org.jointworks.projects.ProgrammeProperties;
import org.jointworks.projects.ProjectStatus;
import org.jointworks.reports.Reporting;

/**
 * What is overdue on a day, by the programme's deadlines (domain.md): a project that has not
 * {@code started} by the year's started deadline or not {@code completed} by its completed
 * deadline; a county's monthly report still missing after its due day. A deadline is passed the
 * day after it (a project starting on 03-31 is on time). Stateless; no Spring.
 */
final class OverdueRules {
  private OverdueRules() {}

  static List<OverdueItem> of(List<Project> projects, ProgrammeProperties programme,
      Map<String, List<Reporting.Month>> reports, LocalDate today) {
    List<OverdueItem> out = new ArrayList<>();
    for (Project p : projects) {
      ProgrammeProperties.Deadlines d;
      try {
        d = programme.deadlinesOf(p.programmeYear());
      } catch (IllegalArgumentException noDates) {
        continue;
      }
      milestone(out, p, "started", d.started(), ProjectStatus.STARTED, today);
      milestone(out, p, "completed", d.completed(), ProjectStatus.COMPLETED, today);
    }
    reports.forEach((county, months) -> {
      for (Reporting.Month m : months) {
        if ("missing".equals(m.state()) && today.isAfter(m.dueOn())) {
          out.add(new OverdueItem("report", county, m.period(), m.dueOn(), county, 0,
              Map.of("county", county, "period", m.period(), "dueOn", m.dueOn().toString())));
        }
      }
    });
    return out;
  }

  private static void milestone(List<OverdueItem> out, Project p, String milestone,
      LocalDate due, ProjectStatus target, LocalDate today) {
    if (today.isAfter(due) && !p.status().reached(target)) {
      out.add(new OverdueItem("project", Long.toString(p.id()), milestone, due, p.district(),
          p.id(), Map.of("id", p.id(), "name", String.valueOf(p.name()), "milestone", milestone,
              "dueOn", due.toString(), "status", p.status().code())));
    }
  }
}
