package org.jointworks.coordination;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.jointworks.system.lists.ListRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Conflicts between works over HTTP: the list (whole, paged, counted or streamed, see
 * {@link ConflictLists}), and the check of a proposed work.
 */
@RestController
class ConflictController {
  private final ConflictService service;
  private final CoordinationProperties settings;
  private final ConflictLists lists;

  ConflictController(ConflictService service, CoordinationProperties settings,
      ConflictLists lists) {
    this.service = service;
    this.settings = settings;
    this.lists = lists;
  }

  @GetMapping("/api/works/conflicts")
  Map<String, Object> conflicts(@RequestParam(required = false) Double bufferMeters,
      @RequestParam(required = false) Integer gapDays,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String utility,
      @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor,
      @RequestParam(required = false) String summary,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
      HttpServletResponse response) throws IOException {
    ConflictQuery q = ConflictQuery.parse(settings, bufferMeters, gapDays, from, to, district,
        utility);
    return lists.answer(q, ListRequest.parse(limit, cursor, summary, accept), response);
  }

  @PostMapping("/api/works/check")
  ConflictService.CheckResult check(@RequestBody JsonNode body,
      @RequestParam(required = false) Double bufferMeters,
      @RequestParam(required = false) Integer gapDays) {
    return service.check(body, bufferMeters, gapDays);
  }
}
