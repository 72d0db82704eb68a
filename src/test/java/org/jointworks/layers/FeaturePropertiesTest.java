package org.jointworks.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decision 89: compact, shared properties behave as the copied LinkedHashMap did. */
class FeaturePropertiesTest {
  private static Map<String, Object> work(String owner, String street) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("utility", "gas");
    p.put("owner", owner);
    p.put("start_date", LocalDate.of(2023, 4, 1));
    p.put("trench_width_m", 1.5);
    p.put("street", street);
    p.put("contact", null);
    return p;
  }

  @Test
  void readsAsTheMapItWasMadeFromInTheSameOrderWithNulls() {
    Map<String, Object> given = work("xinxiang-gas", "人民路");
    Map<String, Object> compact = FeatureProperties.of(given);
    assertThat(compact).isEqualTo(given);
    assertThat(compact.hashCode()).isEqualTo(given.hashCode());
    assertThat(new ArrayList<>(compact.keySet())).containsExactlyElementsOf(given.keySet());
    assertThat(compact.containsKey("contact")).isTrue();
    assertThat(compact.get("contact")).isNull();
    assertThat(compact.get("missing")).isNull();
    assertThat(compact.containsKey("missing")).isFalse();
    assertThat(compact.get(new String("owner"))).isEqualTo("xinxiang-gas");
    assertThatThrownBy(() -> compact.put("owner", "x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(FeatureProperties.of(compact)).isSameAs(compact);
  }

  @Test
  void equalValuesAndKeyListsAreSharedBetweenFeatures() {
    Feature a = new Feature(1, 1, null, work(new String("owner-a"), "路一"));
    Feature b = new Feature(2, 1, null, work(new String("owner-a"), "路二"));
    assertThat(a.get("owner")).isSameAs(b.get("owner"));
    assertThat(a.get("start_date")).isSameAs(b.get("start_date"));
    assertThat(a.withIdentity(3, 2).properties()).isSameAs(a.properties());
  }

  /**
   * The last shape is tried first, by identity (decision 115): features whose keys change
   * from one to the next, in number, order or only by an equal string, still read as given.
   */
  @Test
  void keysThatChangeBetweenFeaturesAreNeverTakenForTheLastShape() {
    Map<String, Object> full = work("owner-a", "路一");
    Map<String, Object> reordered = new LinkedHashMap<>();
    reordered.put("owner", "owner-b");
    reordered.put("utility", "power");
    Map<String, Object> fewer = new LinkedHashMap<>(full);
    fewer.remove("contact");
    Map<String, Object> equalKeys = new LinkedHashMap<>();
    full.forEach((k, v) -> equalKeys.put(new String(k), v));
    for (int round = 0; round < 3; round++) {
      for (Map<String, Object> given : List.of(full, full, reordered, fewer, equalKeys, full)) {
        Map<String, Object> compact = FeatureProperties.of(given);
        assertThat(compact).isEqualTo(given);
        assertThat(new ArrayList<>(compact.keySet())).containsExactlyElementsOf(given.keySet());
      }
    }
  }

  @Test
  void sharingIsBoundedPerKeySoHostileValuesDoNotGrowIt() {
    String key = "name-" + System.nanoTime();
    List<Object> kept = new ArrayList<>();
    for (int i = 0; i < FeatureProperties.MAX_VALUES_PER_KEY + 50; i++) {
      kept.add(FeatureProperties.of(Map.of(key, "n" + i)).get(key));
    }
    String late = new String("n" + (FeatureProperties.MAX_VALUES_PER_KEY + 10));
    Object again = FeatureProperties.of(Map.of(key, late)).get(key);
    assertThat(again).isSameAs(late).isEqualTo(kept.get(FeatureProperties.MAX_VALUES_PER_KEY + 10));
    String early = new String("n3");
    assertThat(FeatureProperties.of(Map.of(key, early)).get(key)).isSameAs(kept.get(3));
  }

  @Test
  void aNullKeyIsKeptAsBefore() {
    Map<String, Object> odd = new HashMap<>();
    odd.put(null, 1L);
    odd.put("a", 2L);
    assertThat(FeatureProperties.of(odd)).isEqualTo(odd);
  }
}
