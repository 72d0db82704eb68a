package org.jointworks.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The warmer waits for a layer to settle (decision 88): a series of imports is warmed once, after
 * its last body, not after each.
 */
class TileWarmerQuietTest {
  private static final long MS = 1_000_000L;

  @Test
  void aLayerIsWarmedOnlyOnceItsRevisionAndItsImportsHaveBeenStillForTheQuietTime() {
    TileWarmer.Quiet q = new TileWarmer.Quiet();
    assertThat(q.settled(1, false, 0, 1000)).isFalse();          // just moved
    assertThat(q.settled(1, false, 900 * MS, 1000)).isFalse();   // not yet a second
    assertThat(q.settled(1, true, 950 * MS, 1000)).isFalse();    // the next body began
    assertThat(q.settled(1, true, 5000 * MS, 1000)).isFalse();   // still importing
    assertThat(q.settled(2, false, 5100 * MS, 1000)).isFalse();  // committed: wait again
    assertThat(q.settled(2, false, 5900 * MS, 1000)).isFalse();
    assertThat(q.settled(2, false, 6100 * MS, 1000)).isTrue();   // a second of quiet
  }

  @Test
  void noQuietTimeWarmsAtOnce() {
    assertThat(new TileWarmer.Quiet().settled(3, true, 0, 0)).isTrue();
  }

  @Test
  void aSettledLayerWaitsForAPauseInTheApiRequestsButNotForever() {
    // Decision 103: the warming does not take a core from a planner's answers.
    TileWarmer.Quiet q = new TileWarmer.Quiet();
    q.settled(1, false, 0, 1000);
    assertThat(q.settled(1, false, 1500 * MS, 1000)).isTrue();
    assertThat(q.mayStart(false, 1500 * MS, 1000)).isFalse();   // an analysis is running
    assertThat(q.mayStart(true, 1600 * MS, 1000)).isTrue();     // the requests paused
    assertThat(q.mayStart(false, 10_900 * MS, 1000)).isFalse();
    assertThat(q.mayStart(false, 11_000 * MS, 1000)).isTrue();  // ten quiet times: warm anyway
    assertThat(new TileWarmer.Quiet().mayStart(false, 0, 0)).isTrue();
  }
}
