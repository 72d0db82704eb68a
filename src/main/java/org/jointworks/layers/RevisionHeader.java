package org.jointworks.layers;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The {@value #NAME} header: a write's answer names the revision each written layer reached
 * ({@code communities=42, works=7}); a client that sends it back with a read, to any instance,
 * is answered from data at least that new (decision 35, {@code cluster/RevisionWaitFilter}).
 * Stateless.
 */
public final class RevisionHeader {
  public static final String NAME = "JointWorks-Revision";

  private RevisionHeader() {}

  /** Adds {@code layer=revision} to the current request's answer, if there is one to add to. */
  static void written(Layer layer, long revision) {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a)) {
      return;
    }
    HttpServletResponse response = a.getResponse();
    if (response == null || response.isCommitted()) {
      return;
    }
    Map<Layer, Long> all = parse(response.getHeader(NAME));
    all.merge(layer, revision, Math::max);
    response.setHeader(NAME, format(all));
  }

  /** The layers and revisions a header names; unknown layers and malformed parts are ignored. */
  public static Map<Layer, Long> parse(String header) {
    Map<Layer, Long> out = new LinkedHashMap<>();
    if (header == null || header.isBlank()) {
      return out;
    }
    for (String part : header.split(",")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      try {
        long revision = Long.parseLong(part.substring(eq + 1).trim());
        for (Layer layer : Layer.values()) {
          if (layer.id().equals(name)) {
            out.merge(layer, revision, Math::max);
          }
        }
      } catch (NumberFormatException e) {
        // a malformed part asks for nothing
      }
    }
    return out;
  }

  static String format(Map<Layer, Long> revisions) {
    StringBuilder b = new StringBuilder();
    revisions.forEach((layer, r) -> b.append(b.isEmpty() ? "" : ", ").append(layer.id())
        .append('=').append(r));
    return b.toString();
  }
}
