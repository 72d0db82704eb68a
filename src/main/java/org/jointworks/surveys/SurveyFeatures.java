package org.jointworks.surveys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureReader;
import org.jointworks.layers.Field;
import org.jointworks.layers.FieldType;
import org.jointworks.layers.Layer;
import org.jointworks.surveys.SurveyLinker.RowError;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a linked survey into features of the two layers, {@link Layer#PIPE_POINTS} and
 * {@link Layer#PIPELINES}, and checks each with the layers' own {@link FeatureReader}, so a
 * survey row passes exactly the rules a GeoJSON feature passes; a problem becomes a row error
 * (table, spreadsheet row, field, code). On the way:
 *
 * <ul>
 *   <li>coded columns are read in the surveyor's words too ({@link SurveyVocabulary});
 *   <li>the owner: a utility's rows belong to its organisation, and a row naming another is
 *       {@code survey.owner_not_yours}; an administrator's rows name their owner (code or
 *       organisation name) or take the request's;
 *   <li>a line without a utility or an owner takes its start point's, then the request's;
 *   <li>a line's end depths: its own 起点埋深/终点埋深, else its 埋深, else its end points' 埋深.
 * </ul>
 *
 * Stateless; one instance per import.
 */
final class SurveyFeatures {
  /** The features of both layers when {@code errors} is empty; {@code notYours} → 403. */
  record Built(List<Feature> points, List<Feature> lines, List<RowError> errors,
      boolean notYours) {}

  /**
   * Whose rows these are.
   *
   * @param forced the organisation every row belongs to (a utility's own), or null
   * @param fallback the owner of rows that name none (an administrator's choice), or null
   * @param utility the utility of rows that name none, or null
   * @param organisations organisation names and codes → codes
   */
  record Owners(String forced, String fallback, String utility, Map<String, String> organisations) {
    Owners {
      organisations = Map.copyOf(organisations);
    }
  }

  private final FeatureReader pointReader;
  private final FeatureReader lineReader;
  private final Owners owners;
  private final List<RowError> errors = new ArrayList<>();
  /** {@code table + row} of the rows with an owner error, so the reader's is not listed again. */
  private final Set<String> ownerErrors = new java.util.HashSet<>();
  private boolean notYours;

  SurveyFeatures(Owners owners, Set<String> organisationCodes) {
    this.owners = owners;
    this.pointReader = new FeatureReader(Layer.PIPE_POINTS, Set.of(), organisationCodes);
    this.lineReader = new FeatureReader(Layer.PIPELINES, Set.of(), organisationCodes);
  }

  Built build(SurveyLinker.Linked linked) {
    Map<String, SurveyLinker.Point> byNo = new HashMap<>();
    Map<String, Feature> stored = new HashMap<>();
    List<Feature> points = new ArrayList<>();
    for (SurveyLinker.Point p : linked.points()) {
      byNo.put(p.pointNo(), p);
      Map<String, Object> a = new HashMap<>(p.attributes());
      a.put("point_no", p.pointNo());
      a.put("utility", coded("utility", a.get("utility"), owners.utility()));
      a.put("appurtenance", coded("appurtenance", a.get("appurtenance"), null));
      a.put("owner", owner("points", p.row(), a.get("owner")));
      ObjectNode geometry = point(p.lon(), p.lat());
      Feature f = read(pointReader, "points", p.row(), geometry, a);
      if (f != null) {
        stored.put(p.pointNo(), f);
        points.add(f);
      }
    }
    List<Feature> lines = new ArrayList<>();
    for (SurveyLinker.Line l : linked.lines()) {
      SurveyLinker.Point from = byNo.get(l.startPoint());
      SurveyLinker.Point to = byNo.get(l.endPoint());
      Map<String, Object> a = new HashMap<>(l.attributes());
      a.put("start_point", l.startPoint());
      a.put("end_point", l.endPoint());
      // What a line does not say, it takes from its end points as they passed their checks (a
      // bad point is its own row error, not again its lines').
      Feature start = stored.get(l.startPoint());
      Feature end = stored.get(l.endPoint());
      Object pointUtility = start != null ? start.text("utility")
          : coded("utility", from.attributes().get("utility"), owners.utility());
      a.put("utility", coded("utility", a.get("utility"), (String) pointUtility));
      a.put("laying", coded("laying", a.get("laying"), null));
      a.put("pressure_class", coded("pressure_class", a.get("pressure_class"), null));
      a.put("owner", owner("lines", l.row(), a.getOrDefault("owner",
          start == null ? null : start.text("owner"))));
      a.putIfAbsent("depth_start_m", a.getOrDefault("depth_m", depth(start)));
      a.putIfAbsent("depth_end_m", a.getOrDefault("depth_m", depth(end)));
      ArrayNode coords = JsonNodeFactory.instance.arrayNode();
      coords.add(position(from.lon(), from.lat())).add(position(to.lon(), to.lat()));
      ObjectNode geometry = JsonNodeFactory.instance.objectNode().put("type", "LineString");
      geometry.set("coordinates", coords);
      Feature f = read(lineReader, "lines", l.row(), geometry, a);
      if (f != null) {
        lines.add(f);
      }
    }
    return errors.isEmpty() ? new Built(points, lines, List.of(), false)
        : new Built(List.of(), List.of(), List.copyOf(errors), notYours);
  }

  private String owner(String table, int row, Object cell) {
    String named = cell == null ? null : owners.organisations().getOrDefault(cell.toString(),
        cell.toString());
    if (owners.forced() != null) {
      if (named != null && !named.equals(owners.forced())) {
        notYours = true;
        ownerErrors.add(table + row);
        errors.add(new RowError(table, row, "owner", "survey.owner_not_yours"));
      }
      return owners.forced();
    }
    if (named == null && owners.fallback() == null) {
      ownerErrors.add(table + row);
      errors.add(new RowError(table, row, "owner", "survey.owner_missing"));
      return null;
    }
    return named == null ? owners.fallback() : named;
  }

  private static Object depth(Feature point) {
    return point == null ? null : point.get("depth_m");
  }

  private static Object coded(String field, Object cell, String otherwise) {
    return cell == null ? otherwise : SurveyVocabulary.code(field, cell.toString());
  }

  private Feature read(FeatureReader reader, String table, int row, ObjectNode geometry,
      Map<String, Object> attributes) {
    Layer layer = table.equals("points") ? Layer.PIPE_POINTS : Layer.PIPELINES;
    ObjectNode props = JsonNodeFactory.instance.objectNode();
    for (Field field : layer.fields()) {
      Object v = attributes.get(field.name());
      if (v instanceof Double d) {
        boolean whole = field.type() == FieldType.INTEGER && d == Math.rint(d)
            && Math.abs(d) < 1e15;
        if (whole) {
          props.put(field.name(), d.longValue());
        } else {
          props.put(field.name(), d);
        }
      } else if (v != null) {
        props.put(field.name(), v.toString());
      }
    }
    ObjectNode node = JsonNodeFactory.instance.objectNode().put("type", "Feature");
    node.set("geometry", geometry);
    node.set("properties", props);
    FeatureReader.Result r = reader.read(node);
    for (String problem : r.problems()) {
      int colon = problem.indexOf(':');
      String field = colon < 0 ? "" : problem.substring(0, colon);
      // The owner's own error (missing, not yours) already names the cell: once is enough.
      if (!(field.equals("owner") && ownerErrors.contains(table + row))) {
        errors.add(new RowError(table, row, field, code(problem)));
      }
    }
    return r.ok() ? r.feature() : null;
  }

  /** The code of one of {@link FeatureReader}'s problems. */
  private static String code(String problem) {
    if (problem.startsWith("geometry:")) {
      return "survey.geometry";
    } else if (problem.endsWith(": required")) {
      return "survey.cell_missing";
    } else if (problem.contains("unknown organisation")) {
      return "survey.owner_unknown";
    } else if (problem.contains("unknown value")) {
      return "survey.value_unknown";
    }
    return "survey.value_invalid";
  }

  private static ObjectNode point(double lon, double lat) {
    ObjectNode g = JsonNodeFactory.instance.objectNode().put("type", "Point");
    g.set("coordinates", position(lon, lat));
    return g;
  }

  private static ArrayNode position(double lon, double lat) {
    return JsonNodeFactory.instance.arrayNode().add(lon).add(lat);
  }
}
