package org.jointworks.system.lists;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jointworks.system.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Where the next page of a list starts: the revision of the data the list was computed from, a
 * fingerprint of the query's parameters, and the offset into the list. A list is deterministic
 * for one revision and one set of parameters (its order is fixed, by (a, b)), so the offset is
 * stable while the revision is; after a write the cursor is stale and refused with 409
 * {@code list.cursor_stale} rather than silently skipping or repeating items.
 *
 * <p>The text form is opaque to clients (URL-safe base64 of {@code v1|revision|fingerprint|offset}),
 * and every part is checked when it comes back. Immutable value.
 */
public record ListCursor(long revision, String fingerprint, long offset) {
  private static final String VERSION = "v1";

  public ListCursor {
    if (offset < 0 || fingerprint == null || fingerprint.contains("|")) {
      throw new IllegalArgumentException("offset >= 0 and a fingerprint without '|'");
    }
  }

  /** The opaque text a client sends back as {@code cursor}. */
  public String text() {
    String plain = VERSION + "|" + revision + "|" + fingerprint + "|" + offset;
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The cursor a client sent, checked against the query it comes with and the current revision.
   *
   * @throws ApiException 400 {@code list.cursor_invalid} when it is not one of ours, 400
   *     {@code list.cursor_mismatch} when it was issued for other parameters, 409
   *     {@code list.cursor_stale} when the data changed since
   */
  public static ListCursor parse(String text, String fingerprint, long currentRevision) {
    ListCursor c = decode(text);
    if (!c.fingerprint.equals(fingerprint)) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "list.cursor_mismatch",
          "this cursor was issued for other parameters; send the same parameters as the first"
              + " page, or start again without a cursor", Map.of());
    }
    if (c.revision != currentRevision) {
      throw ApiException.of(HttpStatus.CONFLICT, "list.cursor_stale",
          "the data changed since this cursor was issued; start again without a cursor",
          Map.of("cursorRevision", c.revision, "currentRevision", currentRevision));
    }
    return c;
  }

  private static ListCursor decode(String text) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(text.trim()),
          StandardCharsets.UTF_8);
      String[] parts = plain.split("\\|", -1);
      if (parts.length == 4 && parts[0].equals(VERSION)) {
        return new ListCursor(Long.parseLong(parts[1]), parts[2], Long.parseLong(parts[3]));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the refusal below (NumberFormatException is one too)
    }
    throw ApiException.of(HttpStatus.BAD_REQUEST, "list.cursor_invalid",
        "cursor is not a cursor this list issued; use the 'next' of a previous page",
        Map.of());
  }
}
