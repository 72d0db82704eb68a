package org.jointworks.linkage;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.linkage.engine.AdjacentPair;
import org.jointworks.system.lists.ListAnswers;
import org.jointworks.system.lists.ListRequest;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * The adjacency list as a large answer (issue 15): whole, paged with a cursor bound to the
 * communities revision, counted by kind ({@code touching}: gap 0, shared walls and overlaps;
 * {@code apart}: across a street), or streamed as NDJSON ({@link ListAnswers}). Pairs are
 * rounded to the millimetre one at a time as they are written, not as a second list.
 *
 * <p>Thread-safe: holds only beans.
 */
@Component
class AdjacencyLists {
  static final List<String> KINDS = List.of("touching", "apart");

  private final LinkageService service;
  private final Snapshots snapshots;
  private final ObjectMapper json;

  AdjacencyLists(LinkageService service, Snapshots snapshots, ObjectMapper json) {
    this.service = service;
    this.snapshots = snapshots;
    this.json = json;
  }

  /** The answer to {@code GET /api/linkage/adjacency}; null when streamed to {@code response}. */
  Map<String, Object> answer(double gapMeters, String district, ListRequest request,
      HttpServletResponse response) throws IOException {
    ListAnswers.Revisioned<AdjacentPair> list = ListAnswers.atOneRevision(
        () -> snapshots.communities().revision(), () -> service.adjacency(gapMeters, district));
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("gapMeters", gapMeters);
    if (district != null) {
      head.put("district", district);
    }
    return ListAnswers.answer(request, head, "pairs", gapMeters + "|" + district, list,
        AdjacencyLists::rounded, writer(), p -> p.gapMeters() == 0 ? "touching" : "apart", KINDS,
        response, json);
  }

  /**
   * A writer of {@link #rounded} pairs as Jackson writes the record, without making it (decision
   * 91), formed by hand ({@link PairJson}, decision 97); one per answer (decision 102).
   */
  static ListAnswers.ItemWriter<AdjacentPair> writer() {
    return new PairJson();
  }

  /** {@link #rounded} through the generator, member by member. */
  static void writeByJackson(JsonGenerator g, AdjacentPair p) {
    g.writeStartObject();
    g.writeName("a");
    g.writeNumber(p.a());
    g.writeName("b");
    g.writeNumber(p.b());
    g.writeName("gapMeters");
    g.writeNumber(Reports.round(p.gapMeters(), 3));
    g.writeName("frontageMeters");
    g.writeNumber(Reports.round(p.frontageMeters(), 3));
    g.writeEndObject();
  }

  static AdjacentPair rounded(AdjacentPair p) {
    return new AdjacentPair(p.a(), p.b(), Reports.round(p.gapMeters(), 3),
        Reports.round(p.frontageMeters(), 3));
  }
}
