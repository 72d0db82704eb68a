package org.jointworks.xlsx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.layers.Layer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The cells of an exported table as the map writes them: numbers as numbers, shares as
 * percentages, codes as names in the user's language (statuses, utilities, counties from the
 * districts layer), never a code where the map shows a name. Thread-safe (no state; the county
 * names are read per export, a handful of rows).
 */
@Component
class XlsxCells {
  private final XlsxMessages messages;
  private final FeatureRepository repository;

  XlsxCells(XlsxMessages messages, FeatureRepository repository) {
    this.messages = messages;
    this.repository = repository;
  }

  List<List<Object>> rows(String lang, List<XlsxColumn> columns, List<JsonNode> rows) {
    Map<String, String> counties = columns.stream().anyMatch(
        c -> c.kind() == XlsxColumn.Kind.DISTRICT) ? countyNames(lang) : Map.of();
    List<List<Object>> out = new ArrayList<>(rows.size());
    for (JsonNode r : rows) {
      List<Object> cells = new ArrayList<>(columns.size());
      for (XlsxColumn c : columns) {
        cells.add(cell(lang, c, r.at(c.pointer()), counties));
      }
      out.add(cells);
    }
    return out;
  }

  private Object cell(String lang, XlsxColumn c, JsonNode v, Map<String, String> counties) {
    if (v == null || v.isMissingNode() || v.isNull()) {
      return null;
    }
    return switch (c.kind()) {
      case PLAIN -> v.isNumber() ? v.numberValue() : v.isValueNode() ? v.asString() : v.toString();
      case PERCENT -> Math.round(v.asDouble() * 1000) / 10.0;
      case VALUE -> messages.getOr(lang, c.prefix() + v.asString(), v.asString());
      case DISTRICT -> counties.getOrDefault(v.asString(), v.asString());
      case OVERDUE_MILESTONES -> v.valueStream()
          .filter(m -> "overdue".equals(m.path("state").asString("")))
          .map(m -> messages.getOr(lang, "milestone." + m.path("name").asString(""),
              m.path("name").asString("")))
          .collect(Collectors.joining("zh-CN".equals(lang) ? "、" : ", "));
      case COMPONENTS -> v.valueStream()
          .map(m -> messages.getOr(lang, "component." + m.path("name").asString(""),
              m.path("name").asString("")) + " " + m.path("points").asString(""))
          .collect(Collectors.joining("; "));
    };
  }

  Map<String, String> countyNames(String lang) {
    Map<String, String> names = new HashMap<>();
    for (Feature d : repository.findAll(Layer.DISTRICTS)) {
      String code = d.text("code");
      String en = d.text("name_en");
      names.put(code, "en".equals(lang) && en != null && !en.isBlank() ? en : d.text("name"));
    }
    return names;
  }
}
