package org.jointworks.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The classes a warm-up loads first (decision 105) exist under the names listed: a name that no
 * longer resolves after an upgrade would silently stop protecting the compiled import.
 */
class WarmUpsTest {
  @Test
  void everyLateClassIsOnTheClassPathAndLoaded() throws Exception {
    WarmUps.loadLateClasses();
    for (String name : WarmUps.LATE_CLASSES) {
      assertThat(Class.forName(name, false, WarmUps.class.getClassLoader())).as(name).isNotNull();
    }
  }
}
