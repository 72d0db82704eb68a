package org.jointworks.system.lists;

import java.util.Locale;
import java.util.Map;
import org.jointworks.system.ApiException;
import org.springframework.http.HttpStatus;

/**
 * How a client asks for a large list, validated where the values enter: the whole list (no
 * {@code limit}, no {@code cursor}: the answer every existing client gets), one page
 * ({@code limit}, {@code cursor}), the counts only ({@code summary=true}), or the whole list
 * streamed as NDJSON ({@code Accept: application/x-ndjson}).
 *
 * @param limit items a page holds, or 0 for the whole list
 * @param cursor the opaque cursor of the page wanted, or null for the first
 */
public record ListRequest(int limit, String cursor, boolean summary, boolean ndjson) {
  /** The page size when a cursor comes without a limit. */
  public static final int DEFAULT_LIMIT = 1000;
  /** The largest page: a page of 10,000 conflicts is about 4 MB of JSON. */
  public static final int MAX_LIMIT = 10_000;
  public static final String NDJSON = "application/x-ndjson";

  public ListRequest {
    if (limit < 0 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit out of range");
    }
  }

  /** Whether a page is asked for (else the whole list). */
  public boolean paged() {
    return limit > 0;
  }

  /** The request from the raw query parameters and Accept header, each checked. */
  public static ListRequest parse(String limit, String cursor, String summary, String accept) {
    boolean ndjson = accept != null && accept.toLowerCase(Locale.ROOT).contains(NDJSON);
    boolean wantsSummary = flag(summary);
    String c = cursor == null || cursor.isBlank() ? null : cursor.trim();
    int n = 0;
    if (limit != null && !limit.isBlank()) {
      try {
        n = Integer.parseInt(limit.trim());
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n < 1 || n > MAX_LIMIT) {
        throw ApiException.of(HttpStatus.BAD_REQUEST, "list.limit_out_of_range",
            "limit must be a whole number from 1 to " + MAX_LIMIT + ", not '" + limit + "'",
            Map.of("limit", limit, "max", MAX_LIMIT));
      }
    } else if (c != null) {
      n = DEFAULT_LIMIT;
    }
    if ((ndjson || wantsSummary) && n > 0) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "list.paging_not_applicable",
          "limit and cursor page the JSON list; a summary or an NDJSON stream is never paged",
          Map.of());
    }
    if (ndjson && wantsSummary) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "list.summary_not_streamed",
          "a summary is a JSON document; ask it with Accept: application/json", Map.of());
    }
    return new ListRequest(n, c, wantsSummary, ndjson);
  }

  private static boolean flag(String value) {
    if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw ApiException.of(HttpStatus.BAD_REQUEST, "list.summary_not_boolean",
        "summary must be true or false, not '" + value + "'", Map.of("summary", value));
  }
}
