package org.jointworks.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jointworks.projects.ProgrammeProperties;
import org.jointworks.projects.Project;
import org.jointworks.projects.ProjectStatus;
import org.junit.jupiter.api.Test;

/** Deadlines as of a day: done, done late, overdue, due; days late from the day after. */
class MilestonesTest {
  static final ProgrammeProperties.Deadlines D2023 = new ProgrammeProperties.Deadlines(
      LocalDate.parse("2023-02-25"), LocalDate.parse("2023-03-20"), LocalDate.parse("2023-03-31"),
      LocalDate.parse("2023-03-31"), LocalDate.parse("2023-06-30"), LocalDate.parse("2023-10-31"),
      LocalDate.parse("2023-11-30"));

  static Project withSteps(String... toAndOn) {
    var steps = new java.util.ArrayList<Project.Transition>();
    ProjectStatus from = null;
    for (int i = 0; i < toAndOn.length; i += 2) {
      ProjectStatus to = ProjectStatus.byCode(toAndOn[i]).orElseThrow();
      steps.add(new Project.Transition(from, to, LocalDate.parse(toAndOn[i + 1]), Instant.EPOCH,
          "t", null));
      from = to;
    }
    return new Project(1, 1, 2023, 1, "weibin", "x", 10, 1, 1, 1, List.of(), List.of(), "s", "c",
        "s", "p", List.of(), from, true, "plan", List.of(), steps);
  }

  @Test
  void lateStartCountsDaysFromTheDayAfterTheDeadline() {
    Project p = withSteps("surveyed", "2023-01-05", "scheme_drafted", "2023-03-20",
        "consent_collected", "2023-03-25", "started", "2023-04-10");
    var ms = Milestones.of(p, D2023, LocalDate.parse("2023-07-15"));
    assertThat(ms.get(0).state()).isEqualTo("done");
    assertThat(ms.get(1).state()).isEqualTo("done_late");
    assertThat(ms.get(1).daysLate()).isEqualTo(10);
    assertThat(ms.get(2).state()).isEqualTo("due");
  }

  @Test
  void aStepAfterTheAsOfDayHasNotHappenedYet() {
    Project p = withSteps("surveyed", "2023-01-05", "scheme_drafted", "2023-03-25");
    var ms = Milestones.of(p, D2023, LocalDate.parse("2023-03-22"));
    assertThat(ms.get(0).state()).isEqualTo("overdue");
    assertThat(ms.get(0).daysLate()).isEqualTo(2);
    assertThat(ms.get(1).state()).isEqualTo("due");
    assertThat(p.statusOn(LocalDate.parse("2023-03-22"))).isEqualTo(ProjectStatus.SURVEYED);
  }
}
