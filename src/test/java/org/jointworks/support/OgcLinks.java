package org.jointworks.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reading the links of OGC API documents in tests. */
public final class OgcLinks {
  private OgcLinks() {}

  /** The href of the document's link with relation {@code rel}; fails the test when absent. */
  public static String link(JsonNode doc, String rel) {
    for (JsonNode l : doc.at("/links")) {
      if (l.at("/rel").asString().equals(rel)) {
        return l.at("/href").asString();
      }
    }
    throw new AssertionError("no " + rel + " link in " + doc.at("/links"));
  }

  /** The relations of the document's links, in order. */
  public static List<String> rels(JsonNode doc) {
    List<String> out = new ArrayList<>();
    doc.at("/links").forEach(l -> out.add(l.at("/rel").asString()));
    return out;
  }

  /** The path of an absolute link, from {@code /ogcapi} on, for {@link Http}. */
  public static String path(String url) {
    return url.substring(url.indexOf("/ogcapi"));
  }

  public static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
