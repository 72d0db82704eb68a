package org.jointworks.xlsx;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jointworks.files.FilesService;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Field;
import org.jointworks.layers.Layer;
import org.jointworks.system.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/xlsx/{layer}?lang=}: a layer's attribute table (communities, streets, works,
 * pipelines…) as an Excel sheet, one row per feature with its id and every field, codes written
 * as names. Read as the layer's CSV export is ({@link FilesService#all}: anonymous users get the
 * public works only), allowed as it is ({@link XlsxEndpointRules}: pipelines and facilities never
 * to anonymous users), at most {@link XlsxExportFilter#MAX_ROWS} rows.
 */
@RestController
class LayerXlsxController {
  private final FilesService files;
  private final XlsxMessages messages;
  private final XlsxCells cells;

  LayerXlsxController(FilesService files, XlsxMessages messages, XlsxCells cells) {
    this.files = files;
    this.messages = messages;
    this.cells = cells;
  }

  @GetMapping("/api/xlsx/{layer}")
  ResponseEntity<StreamingResponseBody> layer(@PathVariable String layer,
      @RequestParam(required = false) String lang) throws IOException {
    Layer l = Layer.byId(layer).orElseThrow(() -> ApiException.notFound("layer " + layer));
    String language = XlsxMessages.lang(lang);
    List<Feature> all = files.all(l);
    if (all.size() > XlsxExportFilter.MAX_ROWS) {
      throw ApiException.of(HttpStatus.CONTENT_TOO_LARGE, "xlsx.too_large", "the layer has more"
          + " than " + XlsxExportFilter.MAX_ROWS + " features", Map.of("max",
              XlsxExportFilter.MAX_ROWS));
    }
    List<String> headers = new ArrayList<>();
    headers.add(messages.getOr(language, "xlsx.col.id", "id"));
    for (Field f : l.fields()) {
      headers.add(messages.getOr(language, "field." + f.name(), f.name()));
    }
    List<List<Object>> rows = new ArrayList<>(all.size());
    Map<String, String> counties = cells.countyNames(language);
    for (Feature f : all) {
      List<Object> row = new ArrayList<>();
      row.add(f.id());
      for (Field field : l.fields()) {
        Object v = f.get(field.name());
        if (v instanceof LocalDate d) {
          v = d.toString();
        } else if (v instanceof String s && field.name().equals("district")) {
          v = counties.getOrDefault(s, s);
        } else if (v instanceof String s) {
          v = messages.getOr(language, "value." + field.name() + "." + s, s);
        }
        row.add(v);
      }
      rows.add(row);
    }
    String title = messages.getOr(language, "layer." + l.id(), l.id());
    StreamingResponseBody body = out -> XlsxSheet.write(title, headers, rows, out);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(XlsxSheet.MEDIA_TYPE))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + l.id()
            + ".xlsx\"; filename*=UTF-8''" + URLEncoder.encode(title, StandardCharsets.UTF_8)
                .replace("+", "%20") + ".xlsx")
        .body(body);
  }
}
