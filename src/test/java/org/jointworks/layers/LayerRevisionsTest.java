package org.jointworks.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The revision counter and its change log, outside a transaction (they move at once). */
class LayerRevisionsTest {
  @Test
  void theLogNamesEveryChangeBetweenTwoRevisions() {
    LayerRevisions r = new LayerRevisions();
    r.changed(Layer.WORKS, new long[] {7}, new Envelope(113, 114, 35, 36));
    r.changed(Layer.WORKS);
    r.changed(Layer.WORKS, new long[] {8, 9}, new Envelope(1, 2, 3, 4));
    assertThat(r.revision(Layer.WORKS)).isEqualTo(3);
    assertThat(r.revision(Layer.COMMUNITIES)).isZero();
    List<LayerRevisions.LayerChange> all = r.changesBetween(Layer.WORKS, 0, 3).orElseThrow();
    assertThat(all).extracting(LayerRevisions.LayerChange::revision).containsExactly(1L, 2L, 3L);
    assertThat(all.get(1).ids()).isNull();
    assertThat(all.get(1).touched()).isNull();
    assertThat(r.changesBetween(Layer.WORKS, 1, 2).orElseThrow()).singleElement()
        .extracting(LayerRevisions.LayerChange::revision).isEqualTo(2L);
    assertThat(r.changesBetween(Layer.WORKS, 3, 3).orElseThrow()).isEmpty();
  }

  @Test
  void aLogThatNoLongerReachesBackCannotTell() {
    LayerRevisions r = new LayerRevisions();
    for (int i = 0; i < LayerRevisions.LOG_SIZE + 5; i++) {
      r.changed(Layer.COMMUNITIES, new long[] {i}, new Envelope(0, 1, 0, 1));
    }
    assertThat(r.changesBetween(Layer.COMMUNITIES, 0, 10)).isEmpty();
    assertThat(r.changesBetween(Layer.COMMUNITIES, 5, 10)).isPresent();
    assertThat(r.changesBetween(Layer.COMMUNITIES, 4, 10)).isEmpty();
  }

  @Test
  void theTouchedRegionIsACopy() {
    LayerRevisions r = new LayerRevisions();
    Envelope e = new Envelope(0, 1, 0, 1);
    r.changed(Layer.STREETS, new long[] {1}, e);
    e.expandToInclude(50, 50);
    assertThat(r.changesBetween(Layer.STREETS, 0, 1).orElseThrow().get(0).touched().getMaxX())
        .isEqualTo(1);
  }

  @Test
  void aLargeWriteIsLoggedWithoutItsIds() {
    LayerRevisions r = new LayerRevisions();
    r.changed(Layer.COMMUNITIES, new long[LayerRevisions.MAX_IDS + 1], new Envelope(0, 1, 0, 1));
    r.changed(Layer.COMMUNITIES, new long[LayerRevisions.MAX_IDS], new Envelope(0, 1, 0, 1));
    List<LayerRevisions.LayerChange> all = r.changesBetween(Layer.COMMUNITIES, 0, 2).orElseThrow();
    assertThat(all.get(0).ids()).isNull();
    assertThat(all.get(0).touched()).isNotNull();
    assertThat(all.get(1).ids()).hasSize(LayerRevisions.MAX_IDS);
  }

  @Test
  void writtenIdsAreNamedUntilTooManyOrUnknown() {
    LayerRevisions r = new LayerRevisions();
    r.changed(Layer.WORKS, new long[] {5, 3}, new Envelope(0, 1, 0, 1));
    r.changed(Layer.WORKS, new long[] {3, 9}, new Envelope(0, 1, 0, 1));
    assertThat(r.writtenBetween(Layer.WORKS, 0, 2).orElseThrow()).containsExactly(5L, 3L, 9L);
    r.changed(Layer.WORKS, new long[LayerRevisions.MAX_REREAD], new Envelope(0, 1, 0, 1));
    assertThat(r.writtenBetween(Layer.WORKS, 2, 3)).isPresent();
    assertThat(r.writtenBetween(Layer.WORKS, 0, 3)).isEmpty(); // 4 + 256 ids named: too many
    r.changed(Layer.WORKS);
    assertThat(r.writtenBetween(Layer.WORKS, 3, 4)).isEmpty();
  }

  @Test
  void anImportCountsAsRunningUntilItsTransactionEndsCommittedOrNot() {
    LayerRevisions r = new LayerRevisions();
    for (int status : new int[] {
        org.springframework.transaction.support.TransactionSynchronization.STATUS_COMMITTED,
        org.springframework.transaction.support.TransactionSynchronization.STATUS_ROLLED_BACK}) {
      org.springframework.transaction.support.TransactionSynchronizationManager
          .initSynchronization();
      try {
        r.importing(Layer.WORKS);
        assertThat(r.importRunning(Layer.WORKS)).isTrue();
        assertThat(r.importRunning(Layer.COMMUNITIES)).isFalse();
        for (var s : org.springframework.transaction.support.TransactionSynchronizationManager
            .getSynchronizations()) {
          s.afterCompletion(status);
        }
      } finally {
        org.springframework.transaction.support.TransactionSynchronizationManager
            .clearSynchronization();
      }
      assertThat(r.importRunning(Layer.WORKS)).isFalse();
    }
    r.importing(Layer.WORKS); // outside a transaction its end could not be seen: not counted
    assertThat(r.importRunning(Layer.WORKS)).isFalse();
  }

  /**
   * Once a change hands over the whole layer, what earlier changes handed over is dropped, not
   * kept softly until the heap runs short (decision 115): snapshots reaching it or later stop
   * there; one that wanted an earlier revision reads the store. The log still names the changes.
   */
  @Test
  void aWholeHandOverDropsTheEarlierOnes() {
    LayerRevisions r = new LayerRevisions();
    HandOver first = new HandOver(List.of(), 0); // whole at revision 1
    HandOver added = new HandOver(List.of(), -1);
    r.changed(Layer.COMMUNITIES, new long[] {1}, null, first);
    r.changed(Layer.COMMUNITIES, new long[] {2}, null, added);
    HandOver.Catch both = r.handedBetween(Layer.COMMUNITIES, -1, 2).orElseThrow();
    assertThat(both.fromScratch()).isTrue();
    assertThat(both.added()).containsExactly(first, added);
    assertThat(r.handedBetween(Layer.COMMUNITIES, 1, 2).orElseThrow().added())
        .containsExactly(added);

    r.changed(Layer.COMMUNITIES); // emptied, say
    HandOver again = new HandOver(List.of(), 3); // whole at revision 4
    r.changed(Layer.COMMUNITIES, new long[] {3}, null, again);
    HandOver.Catch now = r.handedBetween(Layer.COMMUNITIES, -1, 4).orElseThrow();
    assertThat(now.fromScratch()).isTrue();
    assertThat(now.added()).containsExactly(again);
    assertThat(r.handedBetween(Layer.COMMUNITIES, 2, 4).orElseThrow().added())
        .containsExactly(again);
    assertThat(r.handedBetween(Layer.COMMUNITIES, -1, 2)).isEmpty();
    assertThat(r.handedBetween(Layer.COMMUNITIES, 1, 2)).isEmpty();
    assertThat(r.changesBetween(Layer.COMMUNITIES, 0, 4).orElseThrow())
        .extracting(LayerRevisions.LayerChange::revision).containsExactly(1L, 2L, 3L, 4L);

    // A hand-over that is not whole drops nothing before it.
    HandOver more = new HandOver(List.of(), -1);
    r.changed(Layer.COMMUNITIES, new long[] {4}, null, more);
    assertThat(r.handedBetween(Layer.COMMUNITIES, -1, 5).orElseThrow().added())
        .containsExactly(again, more);
  }

  /**
   * A hand-over told early (decision 112) is told once, and dropped if its transaction rolls
   * back; committed, it is kept and the change carries it.
   */
  @Test
  void aHandOverToldBeforeTheEndOfItsTransactionIsToldOnceAndDroppedOnRollback() {
    for (int status : new int[] {TransactionSynchronization.STATUS_COMMITTED,
        TransactionSynchronization.STATUS_ROLLED_BACK}) {
      LayerRevisions r = new LayerRevisions();
      List<String> told = new ArrayList<>();
      r.listen(new HandOverListener() {
        @Override
        public void handing(Layer layer, HandOver handOver) {
          told.add("handing " + handOver.features().size());
        }

        @Override
        public void dropped(Layer layer, HandOver handOver) {
          told.add("dropped " + handOver.features().size());
        }
      });
      HandOver h = new HandOver(List.of(), 0);
      TransactionSynchronizationManager.initSynchronization();
      try {
        r.handing(Layer.COMMUNITIES, h);
        r.changedHanded(Layer.COMMUNITIES, new long[0], null, h);
        assertThat(told).containsExactly("handing 0");
        for (var s : TransactionSynchronizationManager.getSynchronizations()) {
          if (status == TransactionSynchronization.STATUS_COMMITTED) {
            s.afterCommit();
          }
          s.afterCompletion(status);
        }
      } finally {
        TransactionSynchronizationManager.clearSynchronization();
      }
      if (status == TransactionSynchronization.STATUS_COMMITTED) {
        assertThat(told).containsExactly("handing 0");
        assertThat(r.handedBetween(Layer.COMMUNITIES, -1, r.revision(Layer.COMMUNITIES)))
            .isPresent();
      } else {
        assertThat(told).containsExactly("handing 0", "dropped 0");
        assertThat(r.revision(Layer.COMMUNITIES)).isZero();
      }
    }
  }
}
