package org.jointworks.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jointworks.linkage.engine.AdjacentPair;
import org.jointworks.system.lists.ListAnswers;
import org.jointworks.system.lists.ListRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole adjacency answer written pair by pair (decision 91) is the very document the
 * message converter wrote from the rounded records: same members, same order, same digits,
 * including gaps and frontages that round to 0, to whole metres and to tiny or huge figures
 * (beyond 20 km the pair is written by Jackson, below by hand: decision 97).
 */
class AdjacencyWriterTest {
  private final ObjectMapper json = JsonMapper.builder().build();

  @Test
  void theWrittenAnswerIsTheDocumentByteForByte() throws Exception {
    Random r = new Random(7);
    List<AdjacentPair> pairs = new ArrayList<>();
    double[] odd = {0, 1e-4, 0.0005, 0.0004999, 1, 29.9999999, 123456.7891, 1e-9, 0.1 + 0.2,
        19999.9994, 19999.9995, 25000.25};
    for (int i = 0; i < 2000; i++) {
      double gap = i < odd.length ? odd[i] : r.nextDouble() * 30;
      double front = i < odd.length ? odd[odd.length - 1 - i] : r.nextDouble() * 400;
      pairs.add(new AdjacentPair(i, i + 1 + r.nextInt(1_000_000), gap, front));
    }
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("gapMeters", 30.0000001);
    head.put("district", "weibin");
    var list = new ListAnswers.Revisioned<>(42, pairs);
    ListRequest whole = ListRequest.parse(null, null, null, null);

    Map<String, Object> document = ListAnswers.answer(whole, head, "pairs", "q", list,
        AdjacencyLists::rounded, p -> "apart", List.of("touching", "apart"),
        new MockHttpServletResponse(), json);
    MockHttpServletResponse written = new MockHttpServletResponse();
    Map<String, Object> none = ListAnswers.answer(whole, head, "pairs", "q", list,
        AdjacencyLists::rounded, AdjacencyLists.writer(), p -> "apart",
        List.of("touching", "apart"), written, json);

    assertThat(none).isNull();
    assertThat(written.getStatus()).isEqualTo(200);
    assertThat(written.getContentType()).startsWith("application/json");
    assertThat(written.getContentAsString()).isEqualTo(json.writeValueAsString(document));
    assertThat(json.readTree(written.getContentAsByteArray()).get("pairs")).hasSize(2000);
  }
}
