package org.jointworks.ogcapi;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointworks.layers.Feature;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes an items page as GeoJSON straight to the response, for {@link FeaturesController} and
 * {@link AnonymousItemsFilter} alike, so the two answers are the same bytes and headers by
 * construction. The page of a snapshot's features (decision 94) is written as three parts: the
 * document's head (count, time stamp, links) from the generator, then each feature's kept bytes
 * ({@link RenderedFeatures}) as they are, then the closing brackets; the length is their sum, so
 * the answer keeps its {@code Content-Length} without first copying ~48 KB a page of 100 into a
 * buffer and that buffer into an array (decision 96). Features read for one request (filtered
 * pages, other CRSs) are written by the generator as before. Thread-safe.
 */
@Component
class GeoJsonPages {
  private final ObjectMapper json;
  private final RenderedFeatures rendered;

  GeoJsonPages(ObjectMapper json, RenderedFeatures rendered) {
    this.json = json;
    this.rendered = rendered;
  }

  /**
   * Writes {@code page} of {@code c} in {@code crs} with its status-200 headers (Content-Type,
   * Content-Crs, Content-Length); the request's parameters make the links.
   */
  void write(HttpServletRequest request, HttpServletResponse response, OgcCollection c,
      OgcCrs crs, ItemsPage page) throws IOException {
    List<Map<String, Object>> links = links(request, c, page, false);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(2048);
    List<byte[]> parts = new ArrayList<>(page.features().size() + 2);
    try (JsonGenerator g = json.createGenerator(buffer)) {
      g.writeStartObject();
      g.writeStringProperty("type", "FeatureCollection");
      g.writeNumberProperty("numberMatched", page.numberMatched());
      g.writeNumberProperty("numberReturned", page.features().size());
      g.writeStringProperty("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      g.writeName("links");
      g.writePOJO(links);
      g.writeName("features");
      g.writeStartArray();
      ItemsPage.Kept kept = page.kept();
      if (kept != null && crs == OgcCrs.CRS84 && c.ids() == FeatureIds.NUMERIC) {
        // The same bytes GeoJsonOut writes, kept per snapshot feature with a comma after it
        // (decision 94); the generator sees an empty array and closes it with the same "]".
        g.flush();
        parts.add(buffer.toByteArray());
        buffer.reset();
        rendered.crs84(kept, page.features().size(), parts);
        if (!page.features().isEmpty()) {
          byte[] last = parts.remove(parts.size() - 1);
          parts.add(Arrays.copyOf(last, last.length - 1));
        }
      } else {
        for (Feature feature : page.features()) {
          GeoJsonOut.feature(feature, c.ids(), crs, null, g);
        }
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    parts.add(buffer.toByteArray());
    long length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(FeaturesController.GEO_JSON.toString());
    response.setHeader("Content-Crs", "<" + crs.uri() + ">");
    response.setContentLengthLong(length);
    ServletOutputStream out = response.getOutputStream();
    for (byte[] part : parts) {
      out.write(part);
    }
  }

  /** self, alternate, next and prev (keeping the request's parameters but f), collection. */
  static List<Map<String, Object>> links(HttpServletRequest request, OgcCollection c,
      ItemsPage page, boolean html) {
    String base = Links.root(request) + "/collections/" + c.id() + "/items";
    Map<String, String> params = new LinkedHashMap<>();
    request.getParameterMap().forEach((k, v) -> {
      if (!k.equals("f") && v.length > 0) {
        params.put(k, v[0]);
      }
    });
    String q = Links.query(params);
    List<Map<String, Object>> links = new ArrayList<>(
        Links.selfAndAlternate(q.isEmpty() ? base : base + "?" + q, html, Links.GEOJSON));
    String type = html ? Links.HTML : Links.GEOJSON;
    String fmt = html ? "f=html" : "f=json";
    List<Feature> fs = page.features();
    if (page.hasNext()) {
      Map<String, String> next = new LinkedHashMap<>(params);
      next.remove("before");
      next.put("after", c.ids().of(fs.get(fs.size() - 1)));
      links.add(Links.link(base + "?" + Links.query(next) + "&" + fmt, "next", type, "next page"));
    }
    if (page.hasPrev()) {
      Map<String, String> prev = new LinkedHashMap<>(params);
      prev.remove("after");
      prev.put("before", c.ids().of(fs.get(0)));
      links.add(Links.link(base + "?" + Links.query(prev) + "&" + fmt, "prev", type,
          "previous page"));
    }
    links.add(Links.link(Links.root(request) + "/collections/" + c.id(), "collection",
        Links.JSON, c.title()));
    return links;
  }
}
