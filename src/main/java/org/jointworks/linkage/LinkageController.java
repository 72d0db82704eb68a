package org.jointworks.linkage;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jointworks.linkage.Reports.FacilityGaps;
import org.jointworks.linkage.Reports.Suggestion;
import org.jointworks.linkage.engine.AdjacentPair;
import org.jointworks.system.ApiException;
import org.jointworks.system.lists.ListRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Neighbours and suggested joint areas over HTTP: {@code /api/linkage/adjacency},
 * {@code /api/communities/{id}/neighbours}, {@code /api/linkage/suggestions} and
 * {@code /api/communities/{id}/facility-gaps}.
 */
@RestController
class LinkageController {
  static final double DEFAULT_GAP = 30;
  static final int MAX_SUGGESTIONS = 1000;

  private final LinkageService service;
  private final AdjacencyLists adjacencyLists;

  LinkageController(LinkageService service, AdjacencyLists adjacencyLists) {
    this.service = service;
    this.adjacencyLists = adjacencyLists;
  }

  record Neighbours(long community, double gapMeters, List<AdjacentPair> neighbours) {}

  record Suggestions(double gapMeters, String district, double walkMeters, int count,
      List<Suggestion> suggestions) {}

  /** Whole as before, or paged, counted or streamed as NDJSON: see {@link AdjacencyLists}. */
  @GetMapping("/api/linkage/adjacency")
  Map<String, Object> adjacency(@RequestParam(defaultValue = "30") double gapMeters,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor,
      @RequestParam(required = false) String summary,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
      HttpServletResponse response) throws IOException {
    ListRequest request = ListRequest.parse(limit, cursor, summary, accept);
    return adjacencyLists.answer(gapMeters, district, request, response);
  }

  @GetMapping("/api/communities/{id}/neighbours")
  Neighbours neighbours(@PathVariable long id,
      @RequestParam(defaultValue = "30") double gapMeters) {
    return new Neighbours(id, gapMeters,
        LinkageService.rounded(service.neighbours(id, gapMeters)));
  }

  @GetMapping("/api/communities/{id}/facility-gaps")
  FacilityGaps facilityGaps(@PathVariable long id,
      @RequestParam(defaultValue = "500") double walkMeters) {
    return service.communityGaps(id, walkMeters);
  }

  @PostMapping("/api/linkage/suggestions")
  Suggestions suggestions(@RequestBody(required = false) JsonNode body) {
    JsonNode b = body == null ? tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()
        : body;
    if (!b.isObject()) {
      throw ApiException.badRequest("send a JSON object such as {\"gapMeters\": 30}");
    }
    for (Map.Entry<String, JsonNode> e : b.properties()) {
      if (!List.of("gapMeters", "district", "minMembers", "maxMembers", "walkMeters", "limit")
          .contains(e.getKey())) {
        throw ApiException.badRequest("unknown member '" + e.getKey() + "'; known: gapMeters,"
            + " district, minMembers, maxMembers, walkMeters, limit");
      }
    }
    double gap = number(b, "gapMeters", DEFAULT_GAP);
    double walk = number(b, "walkMeters", 500);
    int min = (int) integer(b, "minMembers", 2);
    int max = (int) integer(b, "maxMembers", 0);
    int limit = (int) integer(b, "limit", 100);
    if (limit < 1 || limit > MAX_SUGGESTIONS) {
      throw ApiException.badRequest("limit must be between 1 and " + MAX_SUGGESTIONS);
    }
    String district = null;
    if (b.has("district") && !b.get("district").isNull()) {
      if (!b.get("district").isString()) {
        throw ApiException.badRequest("district must be a district code such as \"weibin\"");
      }
      district = b.get("district").asString();
    }
    List<Suggestion> out = service.suggestions(gap, district, min, max, walk, limit);
    return new Suggestions(gap, district, walk, out.size(), out);
  }

  private static double number(JsonNode b, String name, double fallback) {
    JsonNode v = b.get(name);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isNumber()) {
      throw ApiException.badRequest(name + " must be a number");
    }
    return v.asDouble();
  }

  private static long integer(JsonNode b, String name, long fallback) {
    JsonNode v = b.get(name);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.canConvertToExactIntegral()) {
      throw ApiException.badRequest(name + " must be a whole number");
    }
    return v.asLong();
  }
}
