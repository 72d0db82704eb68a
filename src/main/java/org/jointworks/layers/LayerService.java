package org.jointworks.layers;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jointworks.system.ApiException;
import org.jointworks.system.Audit;
import org.jointworks.system.JointWorksUser;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Single-feature reads and writes of every layer: validation, the write rules of
 * {@link LayerAccess}, optimistic locking by version, and an audit record in the same
 * transaction as the write.
 */
@Service
public class LayerService {
  private final FeatureRepository repository;
  private final IdAllocator ids;
  private final Audit audit;
  private final LayerRevisions revisions;
  private final ObjectMapper json;
  private final List<LayerWriteRule> rules;

  LayerService(FeatureRepository repository, IdAllocator ids, Audit audit,
      LayerRevisions revisions, ObjectMapper json, List<LayerWriteRule> rules) {
    this.repository = repository;
    this.ids = ids;
    this.audit = audit;
    this.revisions = revisions;
    this.json = json;
    this.rules = List.copyOf(rules);
  }

  /** Applies every feature's {@link LayerWriteRule} to one write; returns the feature to store. */
  static Feature applyRules(List<LayerWriteRule> rules, Layer layer, JointWorksUser user,
      Feature before, Feature after) {
    Feature result = after;
    for (LayerWriteRule rule : rules) {
      Feature checked = rule.check(layer, user, before, result);
      result = after == null ? null : checked;
    }
    return result;
  }

  @Transactional(readOnly = true)
  public Feature get(Layer layer, long id) {
    return repository.find(layer, id)
        // Anonymous users never learn that a draft or an application exists (PublicWorks).
        .filter(f -> !PublicWorks.hiddenFromCurrentUser(layer) || PublicWorks.shown(f))
        .orElseThrow(() -> ApiException.notFound(singular(layer) + " " + id));
  }

  @Transactional
  public Feature create(Layer layer, JsonNode body) {
    JointWorksUser user = LayerAccess.checkLayer(layer);
    Feature feature = validated(layer, body);
    LayerAccess.checkFeature(layer, feature);
    feature = applyRules(rules, layer, user, null, feature);
    Feature stored = feature.withIdentity(ids.next(), 1);
    repository.insert(layer, List.of(stored));
    audit.record("create", layer.id(), stored.id(), null, toJson(stored));
    revisions.changed(layer, new long[] {stored.id()}, touched(stored, null));
    return stored;
  }

  /**
   * Stores a feature that the service itself vouches for (reference data at start-up), skipping
   * the user's write rules but not validation's database constraints; audited as the system.
   */
  @Transactional
  public Feature createTrusted(Layer layer, Feature feature) {
    Feature stored = feature.withIdentity(ids.next(), 1);
    repository.insert(layer, List.of(stored));
    audit.record("create", layer.id(), stored.id(), null, toJson(stored));
    revisions.changed(layer, new long[] {stored.id()}, touched(stored, null));
    return stored;
  }

  /**
   * Replaces a feature if it is still at {@code expectedVersion}.
   *
   * @param stalePrecondition whether the version came from If-Match (stale answers 412) or from
   *     the body (stale answers 409)
   */
  @Transactional
  public Feature replace(Layer layer, long id, long expectedVersion, JsonNode body,
      boolean stalePrecondition) {
    JointWorksUser user = LayerAccess.checkLayer(layer);
    Feature before = get(layer, id);
    LayerAccess.checkFeature(layer, before);
    Feature after = validated(layer, body);
    LayerAccess.checkFeature(layer, after);
    after = applyRules(rules, layer, user, before, after);
    if (before.version() != expectedVersion
        || !repository.update(layer, id, expectedVersion, after)) {
      throw stale(layer, id, stalePrecondition);
    }
    Feature stored = after.withIdentity(id, expectedVersion + 1);
    audit.record("update", layer.id(), id, toJson(before), toJson(stored));
    revisions.changed(layer, new long[] {id}, touched(before, stored));
    return stored;
  }

  @Transactional
  public void delete(Layer layer, long id, long expectedVersion, boolean stalePrecondition) {
    JointWorksUser user = LayerAccess.checkLayer(layer);
    Feature before = get(layer, id);
    LayerAccess.checkFeature(layer, before);
    applyRules(rules, layer, user, before, null);
    if (before.version() != expectedVersion || !repository.delete(layer, id, expectedVersion)) {
      throw stale(layer, id, stalePrecondition);
    }
    audit.record("delete", layer.id(), id, toJson(before), null);
    revisions.changed(layer, new long[] {id}, touched(before, null));
  }

  /**
   * Replaces a feature on behalf of a workflow that has checked its own rules (a works permit's
   * step, which alone may set a work's lifecycle status): the same optimistic lock, audit record
   * (under {@code action}) and revision move as {@link #replace}, without the layer write rules.
   * Joins the caller's transaction.
   *
   * @throws ApiException 409 (or 412 when {@code stalePrecondition}) when the feature moved on
   */
  @Transactional
  public Feature replaceTrusted(Layer layer, Feature before, Feature after, String action,
      boolean stalePrecondition) {
    if (!repository.update(layer, before.id(), before.version(), after)) {
      throw stale(layer, before.id(), stalePrecondition);
    }
    Feature stored = after.withIdentity(before.id(), before.version() + 1);
    audit.record(action, layer.id(), before.id(), toJson(before), toJson(stored));
    revisions.changed(layer, new long[] {before.id()}, touched(before, stored));
    return stored;
  }

  /** The region a write reached: where the feature was and where it is now. */
  private static Envelope touched(Feature one, Feature other) {
    Envelope e = new Envelope();
    for (Feature f : new Feature[] {one, other}) {
      if (f != null && f.geometry() != null) {
        e.expandToInclude(f.geometry().getEnvelopeInternal());
      }
    }
    return e;
  }

  private Feature validated(Layer layer, JsonNode body) {
    FeatureReader reader = new FeatureReader(layer, repository.districtCodes(),
        repository.organisationCodes());
    FeatureReader.Result result = reader.read(body);
    if (!result.ok()) {
      throw ApiException.unprocessable("the feature is not valid", result.problems());
    }
    return result.feature();
  }

  private static ApiException stale(Layer layer, long id, boolean precondition) {
    return new ApiException(precondition ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT,
        singular(layer) + " " + id + " was changed by someone else since you read it;"
            + " read it again and reapply your change");
  }

  static String singular(Layer layer) {
    String id = layer.id();
    return id.endsWith("ies") ? id.substring(0, id.length() - 3) + "y"
        : id.substring(0, id.length() - 1);
  }

  /** The feature as GeoJSON text, for the audit log. */
  public String toJson(Feature f) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = json.createGenerator(out)) {
      FeatureWriter.write(f, g);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
