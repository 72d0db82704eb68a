package org.jointworks.coordination;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jointworks.coordination.engine.ConflictKind;
import org.jointworks.coordination.engine.WorkConflict;
import org.jointworks.layers.Layer;
import org.jointworks.layers.PublicWorks;
import org.jointworks.layers.MetricLayers;
import org.jointworks.system.lists.ListAnswers;
import org.jointworks.system.lists.ListRequest;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The conflict list as a large answer (issue 15): whole, paged with a cursor bound to the works
 * revision, counted by kind, or streamed as NDJSON ({@link ListAnswers}). Kept apart from
 * {@link ConflictService}, which computes the list, so paging touches no use case.
 *
 * <p>Thread-safe: holds only beans.
 */
@Component
class ConflictLists {
  private static final List<String> KINDS = java.util.Arrays.stream(ConflictKind.values())
      .map(ConflictKind::code).toList();

  private final ConflictService service;
  private final MetricLayers layers;
  private final ObjectMapper json;

  ConflictLists(ConflictService service, MetricLayers layers, ObjectMapper json) {
    this.service = service;
    this.layers = layers;
    this.json = json;
  }

  /** The answer to {@code GET /api/works/conflicts}; null when streamed to {@code response}. */
  Map<String, Object> answer(ConflictQuery q, ListRequest request, HttpServletResponse response)
      throws IOException {
    ListAnswers.Revisioned<WorkConflict> list = ListAnswers.atOneRevision(
        () -> layers.current(Layer.WORKS).revision(), () -> visible(service.conflicts(q)));
    // The record's text names every parameter, so a cursor fits only the query it came from.
    return ListAnswers.answer(request, Map.of("parameters", service.parameters(q.rules())),
        "conflicts", q.toString(), list, c -> c, WorkConflict::kind, KINDS, response, json);
  }

  /** Anonymous users see conflicts between public works only, never an application's. */
  private static List<WorkConflict> visible(List<WorkConflict> found) {
    if (!PublicWorks.anonymous()) {
      return found;
    }
    return found.stream().filter(c -> PublicWorks.shown(c.a().status())
        && PublicWorks.shown(c.b().status())).toList();
  }
}
