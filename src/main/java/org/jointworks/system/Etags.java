package org.jointworks.system;

/**
 * The version tags of optimistic locking: every versioned resource answers its version as a
 * strong ETag ({@code "3"}), and every write reads the version it expects back from If-Match.
 * One parser, so every endpoint takes the same forms (weak or strong, quoted) and refuses the
 * same malformed ones with the same message. Stateless.
 */
public final class Etags {
  private Etags() {}

  /** The strong ETag of a version: {@code "3"}. */
  public static String of(long version) {
    return "\"" + version + "\"";
  }

  /** The version an If-Match value names; a value that names none answers 400. */
  public static long version(String ifMatch) {
    String v = ifMatch.trim();
    if (v.startsWith("W/")) {
      v = v.substring(2);
    }
    try {
      return Long.parseLong(v.replace("\"", "").trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("If-Match must be the ETag you read, for example \"3\"");
    }
  }
}
