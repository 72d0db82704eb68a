package org.jointworks.coordination.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClearanceTableTest {
  private final ClearanceTable table = new ClearanceTable(List.of(
      ClearanceRule.parse("water_supply", "drainage", "a.diameter_mm<=200", 1.0, "local setting x"),
      ClearanceRule.parse("water_supply", "drainage", "a.diameter_mm>200", 1.5, "local setting y"),
      ClearanceRule.parse("gas", "power", "a.pressure_class=low|medium_b", 0.5, "local setting z")));

  @Test
  void picksTheRowByConditionInEitherOrientation() {
    var small = new ClearanceRule.PipeAttributes("water_supply", 150.0, null);
    var large = new ClearanceRule.PipeAttributes("water_supply", 300.0, null);
    var drain = new ClearanceRule.PipeAttributes("drainage", 400.0, null);
    assertThat(table.required(small, drain).orElseThrow().minMeters()).isEqualTo(1.0);
    assertThat(table.required(drain, large).orElseThrow().minMeters()).isEqualTo(1.5);
  }

  @Test
  void anUnknownAttributeTakesTheLargerClearance() {
    var unknown = new ClearanceRule.PipeAttributes("water_supply", null, null);
    var drain = new ClearanceRule.PipeAttributes("drainage", null, null);
    assertThat(table.required(unknown, drain).orElseThrow().minMeters()).isEqualTo(1.5);
  }

  @Test
  void pairsWithoutARowHaveNoRequirementAndLocalSettingsAreMarked() {
    var gasHigh = new ClearanceRule.PipeAttributes("gas", null, "high_a");
    var power = new ClearanceRule.PipeAttributes("power", null, null);
    var telecom = new ClearanceRule.PipeAttributes("telecom", null, null);
    assertThat(table.required(gasHigh, power)).isEmpty();
    assertThat(table.required(telecom, power)).isEmpty();
    assertThat(table.rules()).allMatch(ClearanceRule::placeholder);
  }

  @Test
  void aCableInADuctTakesTheDuctRowAndAnUnrecordedLayingTheLarger() {
    ClearanceTable crossings = new ClearanceTable(List.of(
        ClearanceRule.parse("gas", "telecom", "b.laying=direct_buried", 0.5, "table row a"),
        ClearanceRule.parse("gas", "telecom", "b.laying=duct", 0.15, "table row b")));
    var gas = new ClearanceRule.PipeAttributes("gas", 160.0, "low");
    var inDuct = new ClearanceRule.PipeAttributes("telecom", 110.0, null, "duct");
    var buried = new ClearanceRule.PipeAttributes("telecom", 110.0, null, "direct_buried");
    var unknown = new ClearanceRule.PipeAttributes("telecom", 110.0, null);
    assertThat(crossings.required(gas, inDuct).orElseThrow().minMeters()).isEqualTo(0.15);
    assertThat(crossings.required(buried, gas).orElseThrow().minMeters()).isEqualTo(0.5);
    assertThat(crossings.required(gas, unknown).orElseThrow().minMeters()).isEqualTo(0.5);
  }

  @Test
  void rejectsRowsWithoutSourceOrWithBadConditions() {
    assertThatThrownBy(() -> ClearanceRule.parse("gas", "power", "any", 1, " "))
        .hasMessageContaining("source");
    assertThatThrownBy(() -> ClearanceRule.parse("gas", "power", "depth_m<1", 1, "x"))
        .hasMessageContaining("a. or b.");
  }
}
