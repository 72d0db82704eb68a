package org.jointworks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.jointworks.layers.Layer;
import org.jointworks.layers.LayerRevisions.LayerChange;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** The notification payload: what a write touched, whole or cut to its revision. */
class ChangeMessageTest {
  @Test
  void aChangeTravelsWholeWithItsIdsAndEnvelope() {
    String text = ChangeMessage.format(Layer.WORKS,
        new LayerChange(42, new long[] {7, 9}, new Envelope(113.1, 113.2, 35.1, 35.3)));
    ChangeMessage.Heard heard = ChangeMessage.parse(text).orElseThrow();
    assertThat(heard.layer()).isEqualTo(Layer.WORKS);
    assertThat(heard.revision()).isEqualTo(42);
    assertThat(heard.change().ids()).containsExactly(7, 9);
    assertThat(heard.change().touched()).isEqualTo(new Envelope(113.1, 113.2, 35.1, 35.3));
  }

  @Test
  void unknownAndEmptyStayDistinct() {
    LayerChange unknown = ChangeMessage.parse(ChangeMessage.format(Layer.COMMUNITIES,
        new LayerChange(3, null, null))).orElseThrow().change();
    assertThat(unknown.ids()).isNull();
    assertThat(unknown.touched()).isNull();
    LayerChange none = ChangeMessage.parse(ChangeMessage.format(Layer.COMMUNITIES,
        new LayerChange(4, new long[0], null))).orElseThrow().change();
    assertThat(none.ids()).isEmpty();
  }

  @Test
  void tooManyIdsAreCutToTheRevisionForTheListenerToReadTheLog() {
    long[] ids = new long[2000];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = 1_000_000_000L + i;
    }
    String text = ChangeMessage.format(Layer.COMMUNITIES,
        new LayerChange(5, ids, new Envelope(0, 1, 0, 1)));
    assertThat(text).isEqualTo("communities 5");
    ChangeMessage.Heard heard = ChangeMessage.parse(text).orElseThrow();
    assertThat(heard.change()).isNull();
    assertThat(heard.revision()).isEqualTo(5);
  }

  @Test
  void malformedPayloadsAreIgnored() {
    assertThat(ChangeMessage.parse("nonsense 5")).isEmpty();
    assertThat(ChangeMessage.parse("works x")).isEmpty();
    assertThat(ChangeMessage.parse("works 5 1,2 3")).isEmpty();
    assertThat(ChangeMessage.parse(null)).isEmpty();
  }
}
