package org.jointworks.coordination.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConflictKindTest {
  @ParameterizedTest(name = "{0}..{1} vs {2}..{3} -> {4}")
  @CsvSource(nullValues = "none", value = {
      "2023-03-01, 2023-03-31, 2023-03-15, 2023-04-30, same_window",
      "2023-03-01, 2023-03-31, 2023-04-30, 2023-05-30, same_window",  // exactly 30 days apart
      "2023-03-01, 2023-03-31, 2023-05-01, 2023-05-30, moratorium",   // 31 days apart
      "2023-03-01, 2023-03-31, 2026-03-30, 2026-04-30, moratorium",   // a day before 3 years
      "2023-03-01, 2023-03-31, 2026-03-31, 2026-04-30, none",         // exactly 3 years: free
      "2024-01-01, 2024-02-29, 2027-02-27, 2027-03-10, moratorium",   // leap day + 3y = 02-28
      "2024-01-01, 2024-02-29, 2027-02-28, 2027-03-10, none",
      "2026-03-31, 2026-04-30, 2023-03-01, 2023-03-31, none"})         // either order
  void followsTheIssuesTimeRules(LocalDate sa, LocalDate ea, LocalDate sb, LocalDate eb,
      String expected) {
    ConflictKind k = ConflictKind.classify(sa.toEpochDay(), ea.toEpochDay(),
        ea.plusYears(3).toEpochDay(), sb.toEpochDay(), eb.toEpochDay(),
        eb.plusYears(3).toEpochDay(), 30);
    assertThat(k == null ? null : k.code()).isEqualTo(expected);
  }
}
