package org.jointworks.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An object's members behave as Jackson's own {@link LinkedHashMap} under every operation the
 * tree makes (decision 117), below and past the size where they move to a hash map.
 */
class SmallMembersTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Test
  void randomOperationsLeaveWhatALinkedHashMapLeaves() {
    SplittableRandom random = new SplittableRandom(17);
    for (int run = 0; run < 2_000; run++) {
      SmallMembers ours = new SmallMembers();
      Map<String, JsonNode> theirs = new LinkedHashMap<>();
      // Few names in most runs (a feature's properties), many in some (past SMALL).
      int names = random.nextInt(4) == 0 ? 60 : 12;
      for (int step = 0; step < 120; step++) {
        // A new String each time: equal names that are not the same object are found too.
        String name = new String("p" + random.nextInt(names));
        JsonNode value = NODES.numberNode(random.nextInt(1000));
        switch (random.nextInt(10)) {
          case 0, 1, 2, 3, 4 ->
              assertThat(ours.put(name, value)).isEqualTo(theirs.put(name, value));
          case 5 -> assertThat(ours.remove(name)).isEqualTo(theirs.remove(name));
          case 6 -> {
            assertThat(ours.get(name)).isEqualTo(theirs.get(name));
            assertThat(ours.containsKey(name)).isEqualTo(theirs.containsKey(name));
          }
          case 7 -> removeEveryThird(ours, theirs);
          case 8 -> setEveryOther(ours, theirs, value);
          default -> {
            if (random.nextInt(20) == 0) {
              ours.clear();
              theirs.clear();
            }
          }
        }
        assertThat(new ArrayList<>(ours.entrySet())).isEqualTo(new ArrayList<>(theirs.entrySet()));
        assertThat(ours.size()).isEqualTo(theirs.size());
        assertThat(ours).isEqualTo(theirs);
        assertThat(ours.hashCode()).isEqualTo(theirs.hashCode());
      }
    }
  }

  @Test
  void anObjectNodeOverItIsTheTreeJacksonReads() {
    String json = "{\"type\":\"Feature\",\"properties\":{\"name\":\"甲\",\"households\":40,"
        + "\"name\":\"乙\",\"floor_area_m2\":3000.5,\"remark\":null},\"id\":7}";
    JsonNode theirs = JsonMapper.builder().build().readTree(json);
    ObjectNode ours = JsonMembers.object();
    ObjectNode properties = JsonMembers.object();
    properties.put("name", "甲");
    properties.put("households", 40);
    properties.put("name", "乙");
    properties.put("floor_area_m2", 3000.5);
    properties.putNull("remark");
    ours.put("type", "Feature");
    ours.set("properties", properties);
    ours.put("id", 7);
    assertThat(ours).isEqualTo(theirs);
    assertThat(ours.toString()).isEqualTo(theirs.toString());
    assertThat(List.copyOf(ours.get("properties").propertyNames()))
        .containsExactly("name", "households", "floor_area_m2", "remark");
    ours.remove(List.of("type", "id"));
    assertThat(List.copyOf(ours.propertyNames())).containsExactly("properties");
  }

  @Test
  void manyMembersMoveToAHashMapAndKeepTheirOrder() {
    SmallMembers ours = new SmallMembers();
    List<String> order = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      ours.put("k" + i, NODES.numberNode(i));
      order.add("k" + i);
    }
    // A hostile object of 50,000 members is read in linear time: this returns at once.
    assertThat(ours.get("k49999").asInt()).isEqualTo(49_999);
    assertThat(new ArrayList<>(ours.keySet())).isEqualTo(order);
    assertThat(ours.size()).isEqualTo(50_000);
    assertThat(SmallMembers.SMALL).isLessThan(50);
  }

  private static void removeEveryThird(SmallMembers ours, Map<String, JsonNode> theirs) {
    for (Map<String, JsonNode> m : List.<Map<String, JsonNode>>of(ours, theirs)) {
      int k = 0;
      for (Iterator<Map.Entry<String, JsonNode>> it = m.entrySet().iterator(); it.hasNext(); k++) {
        it.next();
        if (k % 3 == 1) {
          it.remove();
        }
      }
    }
  }

  private static void setEveryOther(SmallMembers ours, Map<String, JsonNode> theirs,
      JsonNode value) {
    for (Map<String, JsonNode> m : List.<Map<String, JsonNode>>of(ours, theirs)) {
      int k = 0;
      for (Map.Entry<String, JsonNode> e : m.entrySet()) {
        if (k++ % 2 == 0) {
          e.setValue(value);
        }
      }
    }
  }
}
