package org.jointworks.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jointworks.layers.LayerRevisions.LayerChange;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * The revisions shared through a journal (decision 35), with an in-memory journal standing for
 * the store: other instances' changes are applied in order, gaps are filled from the journal,
 * and a pruned journal leaves one change of unknown reach.
 */
class SharedLayerRevisionsTest {
  /** A journal as another instance would leave it. */
  static class Journal implements RevisionJournal {
    final Map<Layer, List<LayerChange>> log = new EnumMap<>(Layer.class);
    int reads;

    LayerChange write(Layer layer, long... ids) {
      List<LayerChange> l = log.computeIfAbsent(layer, k -> new ArrayList<>());
      LayerChange c = new LayerChange(l.size() + 1, ids, new Envelope(0, 1, 0, 1));
      l.add(c);
      return c;
    }

    @Override
    public long record(Layer layer, long[] ids, Envelope touched) {
      return write(layer, ids).revision();
    }

    @Override
    public Map<Layer, Long> current() {
      Map<Layer, Long> out = new EnumMap<>(Layer.class);
      log.forEach((k, v) -> out.put(k, (long) v.size()));
      return out;
    }

    @Override
    public List<LayerChange> changesBetween(Layer layer, long from, long to) {
      reads++;
      return log.get(layer).stream().filter(c -> c.revision() > from && c.revision() <= to)
          .toList();
    }

    @Override
    public String epoch() {
      return "test";
    }
  }

  @Test
  void startsAtTheStoresRevisionsAndItsEpoch() {
    Journal journal = new Journal();
    journal.write(Layer.WORKS, 1);
    journal.write(Layer.WORKS, 2);
    LayerRevisions r = new LayerRevisions(journal);
    assertThat(r.revision(Layer.WORKS)).isEqualTo(2);
    assertThat(r.epoch()).isEqualTo("test");
    assertThat(r.shared()).isTrue();
  }

  @Test
  void theNextHeardChangeIsAppliedWithoutReadingTheJournal() {
    Journal journal = new Journal();
    LayerRevisions r = new LayerRevisions(journal);
    r.heard(Layer.WORKS, journal.write(Layer.WORKS, 5));
    assertThat(r.revision(Layer.WORKS)).isEqualTo(1);
    assertThat(journal.reads).isZero();
    assertThat(r.writtenBetween(Layer.WORKS, 0, 1).orElseThrow()).containsExactly(5L);
  }

  @Test
  void aGapIsFilledFromTheJournalInOrder() {
    Journal journal = new Journal();
    LayerRevisions r = new LayerRevisions(journal);
    journal.write(Layer.WORKS, 5);
    journal.write(Layer.WORKS, 6);
    r.heard(Layer.WORKS, journal.write(Layer.WORKS, 7));
    assertThat(r.revision(Layer.WORKS)).isEqualTo(3);
    assertThat(r.writtenBetween(Layer.WORKS, 0, 3).orElseThrow()).containsExactly(5L, 6L, 7L);
  }

  @Test
  void aMissedChangeIsFoundByComparingRevisions() {
    Journal journal = new Journal();
    LayerRevisions r = new LayerRevisions(journal);
    journal.write(Layer.COMMUNITIES, 9);
    assertThat(r.catchUpAll()).containsExactly(Layer.COMMUNITIES);
    assertThat(r.revision(Layer.COMMUNITIES)).isEqualTo(1);
    assertThat(r.catchUpAll()).isEmpty();
  }

  @Test
  void aReaderAskingForMoreThanTheStoreHasIsCappedAtTheStore() {
    Journal journal = new Journal();
    LayerRevisions r = new LayerRevisions(journal);
    journal.write(Layer.WORKS, 1);
    r.catchUp(Layer.WORKS, 99);
    assertThat(r.revision(Layer.WORKS)).isEqualTo(1);
  }

  @Test
  void aPrunedSpanIsOneChangeOfUnknownReach() {
    LayerRevisions r = new LayerRevisions(new Journal() {
      @Override
      public Map<Layer, Long> current() {
        return Map.of(Layer.WORKS, 10L);
      }

      @Override
      public List<LayerChange> changesBetween(Layer layer, long from, long to) {
        return List.of(new LayerChange(to, null, null));
      }
    });
    r.heard(Layer.WORKS, new LayerChange(20, new long[] {1}, null));
    assertThat(r.revision(Layer.WORKS)).isEqualTo(20);
    assertThat(r.writtenBetween(Layer.WORKS, 10, 20)).isEmpty();
    assertThat(r.changesBetween(Layer.WORKS, 19, 20).orElseThrow()).singleElement()
        .satisfies(c -> assertThat(c.touched()).isNull());
  }
}
