package org.jointworks.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The consent gate's arithmetic: all households count, the latest count by a day, no rounding up. */
class ConsentGateTest {
  static Project project(long households, List<Project.Consent> consent) {
    return new Project(1, 1, 2023, 1, "weibin", "x", households, 1, 1, 1, List.of(), List.of(),
        "s", "c", "s", "p", List.of(), ProjectStatus.CONSENT_COLLECTED, true, "plan", consent,
        List.of());
  }

  static Project.Consent count(ConsentQuestion q, long yes, String on) {
    return new Project.Consent(q, yes, null, LocalDate.parse(on), "e", Instant.EPOCH, "t");
  }

  @Test
  void exactlyTheThresholdOpensTheGateJustBelowDoesNot() {
    var day = LocalDate.parse("2023-03-31");
    assertThat(ConsentGate.met(project(10_000, List.of(
        count(ConsentQuestion.SCHEME, 8_000, "2023-03-01"),
        count(ConsentQuestion.PROPERTY_MANAGEMENT, 8_000, "2023-03-01"))), 0.8, day)).isTrue();
    var figures = ConsentGate.figures(project(10_000, List.of(
        count(ConsentQuestion.SCHEME, 7_999, "2023-03-01"),
        count(ConsentQuestion.PROPERTY_MANAGEMENT, 9_000, "2023-03-01"))), 0.8, day);
    assertThat(figures.get(0).met()).isFalse();
    assertThat(figures.get(0).percent()).isEqualTo(79.99);
    assertThat(figures.get(1).met()).isTrue();
  }

  @Test
  void theLatestCountByTheDayIsTheOneThatCounts() {
    var p = project(100, List.of(count(ConsentQuestion.SCHEME, 70, "2023-03-01"),
        count(ConsentQuestion.SCHEME, 90, "2023-03-10"),
        count(ConsentQuestion.PROPERTY_MANAGEMENT, 85, "2023-03-01")));
    assertThat(ConsentGate.met(p, 0.8, LocalDate.parse("2023-03-05"))).isFalse();
    assertThat(ConsentGate.met(p, 0.8, LocalDate.parse("2023-03-10"))).isTrue();
  }

  @Test
  void aQuestionNeverAskedIsNotMet() {
    var p = project(100, List.of(count(ConsentQuestion.SCHEME, 100, "2023-03-01")));
    var figures = ConsentGate.figures(p, 0.8, LocalDate.parse("2023-03-05"));
    assertThat(figures.get(1).met()).isFalse();
    assertThat(figures.get(1).householdsConsenting()).isZero();
  }
}
