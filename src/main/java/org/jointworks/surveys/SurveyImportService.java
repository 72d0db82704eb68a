package org.jointworks.surveys;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureWriter;
import org.jointworks.layers.ImportService;
import org.jointworks.layers.Layer;
import org.jointworks.layers.LayerAccess;
import org.jointworks.surveys.SurveyLinker.RowError;
import org.jointworks.system.ApiException;
import org.jointworks.system.Audit;
import org.jointworks.system.JointWorksUser;
import org.jointworks.system.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * Stores a survey deliverable as pipe points and pipelines, all or nothing, in one transaction:
 * map the columns (the client's choice, else the headers'), link lines to points, build and check
 * every feature with the layers' rules and the owner rule, refuse point numbers the owner already
 * has, then write both layers through the layers' own all-or-nothing import ({@link
 * ImportService}, which joins this transaction, applies every {@code LayerWriteRule} and audits
 * each layer) and audit the survey as one {@code survey_import}. Nothing is written before every
 * row of both tables has passed; any refusal is one 4xx listing every bad row (table, row,
 * field, code) with the mapping used, and rolls back whatever was written. Thread-safe.
 */
@Service
class SurveyImportService {
  /** Row errors listed in one answer; {@code args.count} says how many there are in all. */
  static final int MAX_LISTED = 1000;

  private final ImportService imports;
  private final SurveyRepository surveys;
  private final Audit audit;
  private final ObjectMapper json;

  SurveyImportService(ImportService imports, SurveyRepository surveys, Audit audit,
      ObjectMapper json) {
    this.imports = imports;
    this.surveys = surveys;
    this.audit = audit;
    this.json = json;
  }

  /**
   * One import request.
   *
   * @param mappings per table ({@code points}, {@code lines}) field → header, as the client
   *     chose in the preview; empty for the automatic mapping
   * @param owner the owner of rows that name none (administrators; a utility's is its own)
   * @param utility the utility of rows that name none
   */
  record Request(SurveyTable points, SurveyTable lines, int crsEpsg,
      Map<String, Map<String, String>> mappings, String owner, String utility) {
    Request {
      mappings = mappings == null ? Map.of() : Map.copyOf(mappings);
    }
  }

  @Transactional
  public Map<String, Object> importSurvey(Request r) {
    JointWorksUser user = LayerAccess.checkLayer(Layer.PIPE_POINTS);
    LayerAccess.checkLayer(Layer.PIPELINES);
    String forced = user.role() == Role.UTILITY ? user.organisation() : null;
    if (forced != null && r.owner() != null && !r.owner().equals(forced)) {
      throw ApiException.of(HttpStatus.FORBIDDEN, "survey.owner_not_yours",
          "a utility imports only its own organisation's survey",
          Map.of("owner", r.owner(), "organisation", forced));
    }
    SurveyColumns.Mapping pm = SurveyColumns.POINTS.map(r.points().headers(),
        r.mappings().get("points"));
    SurveyColumns.Mapping lm = SurveyColumns.LINES.map(r.lines().headers(),
        r.mappings().get("lines"));
    Map<String, Object> mapping = Map.of("points", headers(pm, r.points()),
        "lines", headers(lm, r.lines()));
    SurveyLinker.Linked linked = SurveyLinker.link(r.points(), r.lines(), r.crsEpsg(), pm, lm);
    if (!linked.ok()) {
      throw refusal(HttpStatus.UNPROCESSABLE_CONTENT, linked.errors(), mapping);
    }
    Map<String, String> organisations = surveys.organisations();
    SurveyFeatures.Built built = new SurveyFeatures(new SurveyFeatures.Owners(forced, r.owner(),
        r.utility(), organisations), Set.copyOf(organisations.values())).build(linked);
    if (!built.errors().isEmpty()) {
      throw refusal(built.notYours() ? HttpStatus.FORBIDDEN : HttpStatus.UNPROCESSABLE_CONTENT,
          built.errors(), mapping);
    }
    List<RowError> taken = taken(built.points(), linked.points());
    if (!taken.isEmpty()) {
      throw refusal(HttpStatus.CONFLICT, taken, mapping);
    }
    ImportService.ImportResult points = write(Layer.PIPE_POINTS, built.points(), "points",
        linked.points().stream().map(SurveyLinker.Point::row).toList(), mapping);
    ImportService.ImportResult lines = write(Layer.PIPELINES, built.lines(), "lines",
        linked.lines().stream().map(SurveyLinker.Line::row).toList(), mapping);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("crs", "EPSG:" + r.crsEpsg());
    out.put("mapping", mapping);
    out.put("features", Map.of(
        "points", Map.of("imported", points.imported(), "ids", points.ids()),
        "lines", Map.of("imported", lines.imported(), "ids", lines.ids())));
    out.put("errors", List.of());
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("crs", r.crsEpsg());
    summary.put("owners", owners(built.points()));
    summary.put("points", points.imported());
    summary.put("lines", lines.imported());
    audit.record("survey_import", "surveys", null, null, json.writeValueAsString(summary));
    return out;
  }

  /** The points whose number their owner already has: a survey never overwrites a point. */
  private List<RowError> taken(List<Feature> points, List<SurveyLinker.Point> rows) {
    Set<String> stored = surveys.pointNumbers(owners(points));
    List<RowError> out = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      Feature p = points.get(i);
      if (stored.contains(SurveyRepository.key(p.text("owner"), p.text("point_no")))) {
        out.add(new RowError("points", rows.get(i).row(), "point_no", "survey.point_exists"));
      }
    }
    return out;
  }

  private static Set<String> owners(List<Feature> points) {
    Set<String> out = new LinkedHashSet<>();
    points.forEach(p -> out.add(p.text("owner")));
    return out;
  }

  /**
   * Writes one layer through the layers' import, from a temporary GeoJSON file (the door the
   * file imports use too); a refusal there (a write rule) is turned into row errors.
   */
  private ImportService.ImportResult write(Layer layer, List<Feature> fs, String table,
      List<Integer> rows, Map<String, Object> mapping) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile("jointworks-survey", ".geojson");
      try (OutputStream out = Files.newOutputStream(tmp);
          JsonGenerator g = json.createGenerator(out)) {
        FeatureWriter.open(g);
        fs.forEach(f -> FeatureWriter.write(f, g));
        FeatureWriter.close(g);
      }
      try (InputStream in = Files.newInputStream(tmp)) {
        return imports.importGeoJson(layer, in);
      }
    } catch (ApiException e) {
      List<RowError> errors = new ArrayList<>();
      for (Object o : e.errors()) {
        if (o instanceof ImportService.BadFeature b && b.index() < rows.size()) {
          errors.add(new RowError(table, rows.get(b.index()), "", "survey.rule"));
        }
      }
      if (errors.isEmpty()) {
        throw e;
      }
      throw refusal(e.status(), errors, mapping);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (tmp != null) {
        tmp.toFile().delete();
      }
    }
  }

  /** Field → header of one table's mapping, as the answer shows it. */
  static Map<String, String> headers(SurveyColumns.Mapping m, SurveyTable t) {
    Map<String, String> out = new LinkedHashMap<>();
    m.columns().forEach((field, col) -> out.put(field, t.headers().get(col)));
    return out;
  }

  /** The refusal of a survey with row errors: the first {@link #MAX_LISTED}, and the count. */
  static ApiException refusal(HttpStatus status, List<RowError> errors,
      Map<String, Object> mapping) {
    return new ApiException(status, "survey.rows", errors.size()
        + " row error(s) in the survey; nothing was stored", Map.of("count", errors.size()),
        listed(errors), Map.of("mapping", mapping));
  }

  /** A surveyor fixing a table needs the first problems, not a hundred thousand of them. */
  static List<RowError> listed(List<RowError> errors) {
    return errors.size() <= MAX_LISTED ? errors : errors.subList(0, MAX_LISTED);
  }
}
