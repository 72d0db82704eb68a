package org.jointworks.system.lists;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jointworks.system.ApiException;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectWriter;

/**
 * Answers a large list the way a {@link ListRequest} asks: the whole list in a JSON document (the
 * long-standing answer), one cursor page of it, its counts by kind only, or every item as one
 * NDJSON line written straight to the response (no document is built; the items are taken from
 * the list the engine already keeps and turned into bytes one at a time).
 *
 * <p>Guarantee: every page of one walk comes from the same revision of the data (the cursor
 * carries it; a stale one is refused, see {@link ListCursor}), so a walk never skips or repeats
 * an item. Limit: the list itself is still computed whole by the engine (and kept per revision),
 * the paging and streaming save the answer's size, not the engine's.
 *
 * <p>Stateless and thread-safe.
 */
public final class ListAnswers {
  private static final int TRIES = 3;

  private ListAnswers() {}

  /**
   * Writes one item of a list as the JSON object its view would serialise to, member by member,
   * so a whole list of hundreds of thousands of items goes to the wire with no view object and
   * no document in between (decision 91). The bytes must be the view's, byte for byte.
   */
  @FunctionalInterface
  public interface ItemWriter<T> {
    void write(JsonGenerator out, T item);
  }

  /** A list and the revision of the data it was computed from. */
  public record Revisioned<T>(long revision, List<T> items) {}

  /**
   * The list computed at one steady revision: the revision is read before and after, and the
   * list computed again when a write came in between (at most three times, then 409
   * {@code list.data_moving}), so a cursor never names a revision its list did not come from.
   */
  public static <T> Revisioned<T> atOneRevision(LongSupplier revision, Supplier<List<T>> list) {
    for (int i = 0; i < TRIES; i++) {
      long before = revision.getAsLong();
      List<T> items = list.get();
      if (revision.getAsLong() == before) {
        return new Revisioned<>(before, items);
      }
    }
    throw ApiException.of(HttpStatus.CONFLICT, "list.data_moving",
        "the data kept changing while the list was computed; ask again", Map.of());
  }

  /**
   * The answer for {@code request}; null when it was streamed to {@code response} (NDJSON).
   *
   * @param head the members that open the JSON answer (its parameters)
   * @param listName the member that holds the items
   * @param query the query's parameters in one canonical text, so a cursor fits only its query
   * @param view what an item looks like in the answer (rounding), applied item by item
   * @param kindOf an item's kind for the summary counts; {@code kinds} are always listed
   */
  public static <T> Map<String, Object> answer(ListRequest request, Map<String, Object> head,
      String listName, String query, Revisioned<T> list, Function<T, ?> view,
      Function<T, String> kindOf, List<String> kinds, HttpServletResponse response,
      ObjectMapper json) throws IOException {
    return answer(request, head, listName, query, list, view, null, kindOf, kinds, response, json);
  }

  /**
   * As {@link #answer(ListRequest, Map, String, String, Revisioned, Function, Function, List,
   * HttpServletResponse, ObjectMapper)}, but the whole list (no page, no summary, not NDJSON) is
   * written straight to {@code response} by {@code itemWriter} and null returned: the same bytes
   * as the document, without building it.
   */
  public static <T> Map<String, Object> answer(ListRequest request, Map<String, Object> head,
      String listName, String query, Revisioned<T> list, Function<T, ?> view,
      ItemWriter<T> itemWriter, Function<T, String> kindOf, List<String> kinds,
      HttpServletResponse response, ObjectMapper json) throws IOException {
    List<T> items = list.items();
    String fingerprint = fingerprint(query);
    if (request.ndjson()) {
      stream(items, view, list.revision(), response, json.writer());
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>(head);
    out.put("count", items.size());
    if (request.summary()) {
      Map<String, Long> byKind = new LinkedHashMap<>();
      kinds.forEach(k -> byKind.put(k, 0L));
      for (T item : items) {
        byKind.merge(kindOf.apply(item), 1L, Long::sum);
      }
      out.put("byKind", byKind);
      out.put("revision", list.revision());
      return out;
    }
    if (!request.paged()) {
      if (itemWriter != null) {
        writeWhole(out, listName, items, itemWriter, response, json);
        return null;
      }
      out.put(listName, items.stream().map(view).toList());
      return out;
    }
    long from = request.cursor() == null ? 0
        : ListCursor.parse(request.cursor(), fingerprint, list.revision()).offset();
    int start = (int) Math.min(from, items.size());
    int end = Math.min(items.size(), start + request.limit());
    out.put("offset", start);
    out.put("returned", end - start);
    if (end < items.size()) {
      out.put("next", new ListCursor(list.revision(), fingerprint, end).text());
    }
    out.put(listName, items.subList(start, end).stream().map(view).toList());
    return out;
  }

  /** Every item as one JSON line; gzip is the connector's, when the client accepts it. */
  private static <T> void stream(List<T> items, Function<T, ?> view, long revision,
      HttpServletResponse response, ObjectWriter writer) throws IOException {
    response.setStatus(HttpStatus.OK.value());
    response.setContentType(ListRequest.NDJSON);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    // Known before the first line, so a client can show progress.
    response.setHeader("X-Total-Count", Integer.toString(items.size()));
    response.setHeader("X-Data-Revision", Long.toString(revision));
    OutputStream out = new BufferedOutputStream(response.getOutputStream(), 1 << 16);
    for (T item : items) {
      out.write(writer.writeValueAsBytes(view.apply(item)));
      out.write('\n');
    }
    out.flush();
  }

  /**
   * The whole document: the head's members as the mapper writes them, then the items one by one
   * through the generator (its own buffer; the connector gzips when the client asks).
   */
  private static <T> void writeWhole(Map<String, Object> head, String listName, List<T> items,
      ItemWriter<T> itemWriter, HttpServletResponse response, ObjectMapper json)
      throws IOException {
    response.setStatus(HttpStatus.OK.value());
    response.setContentType("application/json");
    // The servlet's stream is the container's to close, as the message converters leave it.
    try (JsonGenerator g = json.createGenerator(
        org.springframework.util.StreamUtils.nonClosing(response.getOutputStream()))) {
      g.writeStartObject();
      for (Map.Entry<String, Object> e : head.entrySet()) {
        if (e.getValue() != null) {
          g.writeName(e.getKey());
          g.writePOJO(e.getValue());
        }
      }
      g.writeName(listName);
      g.writeStartArray();
      for (T item : items) {
        itemWriter.write(g, item);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  /** A short digest of the query text: enough to tell queries apart, says nothing of them. */
  static String fingerprint(String query) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256")
          .digest(query.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
