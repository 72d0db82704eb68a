package org.jointworks.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.jointworks.coordination.engine.PlanSettings;
import org.jointworks.projects.ProgrammeProperties;
import org.junit.jupiter.api.Test;

/** A construction plan keeps the programme year's own deadlines: one setting, not two. */
class PlanDeadlinesTest {
  @Test
  void thePlanStartsAndEndsByTheProgrammeYearsDeadlines() {
    LocalDate d = LocalDate.of(2024, 1, 1);
    var year2024 = new ProgrammeProperties.Deadlines(d, d.plusDays(10), d.plusDays(40),
        d.plusDays(40), d.plusDays(150), d.plusDays(280), d.plusDays(300));
    var programme = new ProgrammeProperties(2024, 0.8, 10, Map.of(2024, year2024), null, false);
    var coordination = new CoordinationProperties(3, 5, 30, 10, 30, 20, "");
    PlanSettings plan = new ConstructionPlanService(null, coordination, programme, null).planSettings();
    assertThat(plan.startBy()).isEqualTo(year2024.started());
    assertThat(plan.completeBy()).isEqualTo(year2024.completed());
    assertThat(plan.roadDays()).isEqualTo(30);
  }
}
