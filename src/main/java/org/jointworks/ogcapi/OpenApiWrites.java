package org.jointworks.ogcapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jointworks.system.Role;

/**
 * The OpenAPI operations of a collection's Part 4 writes and the marks of a collection that needs
 * a signed-in user, so the API definition says what {@link TransactionsController} and the
 * security rules really do: who may call, which headers are needed and every status a call can
 * answer. Stateless.
 */
final class OpenApiWrites {
  /** The security scheme every signed-in operation names (API clients use HTTP Basic). */
  static final String SCHEME = "basicAuth";
  private static final List<String> GEOJSON_BODY = List.of("application/geo+json",
      "application/json");
  private static final List<String> PATCH_BODY = List.of("application/merge-patch+json",
      "application/geo+json", "application/json");

  private OpenApiWrites() {}

  /** The {@code components} member: the HTTP Basic scheme. */
  static Map<String, Object> components() {
    return Map.of("securitySchemes", Map.of(SCHEME, Map.of("type", "http", "scheme", "basic")));
  }

  /** Marks a read operation of a collection that only signed-in users may read. */
  @SuppressWarnings("unchecked")
  static void signedInRead(Map<String, Object> path) {
    Map<String, Object> op = (Map<String, Object>) path.get("get");
    Map<String, Object> responses = new LinkedHashMap<>((Map<String, Object>) op.get("responses"));
    responses.put("401", Map.of("description", "not signed in"));
    op.put("responses", responses);
    op.put("security", List.of(Map.of(SCHEME, List.of())));
  }

  /** {@code POST …/items}. */
  static Map<String, Object> create(OgcCollection c, ItemWrites w) {
    Map<String, Object> op = op("create " + c.id(), "create a feature of " + c.id(), w);
    op.put("parameters", List.of(contentCrs()));
    op.put("requestBody", body(GEOJSON_BODY, "a GeoJSON Feature"));
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put("201", Map.of("description", "created; the stored feature",
        "headers", Map.of("Location", header("the new feature's URL"),
            "ETag", header("the feature's version")),
        "content", Map.of("application/geo+json", Map.of("schema", Map.of("type", "object")))));
    responses.putAll(refusals(w, false));
    op.put("responses", responses);
    return op;
  }

  /** {@code PUT}, {@code PATCH} or {@code DELETE …/items/{featureId}}. */
  static Map<String, Object> change(OgcCollection c, ItemWrites w, String method,
      Map<String, Object> featureId) {
    boolean delete = method.equals("delete");
    Map<String, Object> op = op(method + " " + c.id(), switch (method) {
      case "put" -> "replace a feature of " + c.id();
      case "patch" -> "update a feature of " + c.id() + " by a JSON merge patch";
      default -> "delete a feature of " + c.id();
    }, w);
    op.put("parameters", delete ? List.of(featureId, ifMatch())
        : List.of(featureId, ifMatch(), contentCrs()));
    if (!delete) {
      op.put("requestBody", body(method.equals("patch") ? PATCH_BODY : GEOJSON_BODY,
          method.equals("patch") ? "a JSON merge patch of the GeoJSON Feature"
              : "the whole GeoJSON Feature"));
    }
    Map<String, Object> responses = new LinkedHashMap<>();
    if (delete) {
      responses.put("204", Map.of("description", "deleted"));
    } else {
      responses.put("200", Map.of("description", "the stored feature",
          "headers", Map.of("ETag", header("the feature's new version")),
          "content", Map.of("application/geo+json", Map.of("schema", Map.of("type", "object")))));
    }
    responses.putAll(refusals(w, true));
    op.put("responses", responses);
    return op;
  }

  private static Map<String, Object> op(String id, String summary, ItemWrites w) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("operationId", id.replaceAll("[^A-Za-z0-9]+", "_"));
    op.put("summary", summary);
    op.put("description", "Roles: " + roles(w) + ".");
    op.put("security", List.of(Map.of(SCHEME, List.of())));
    return op;
  }

  private static Map<String, Object> refusals(ItemWrites w, boolean existing) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("400", Map.of("description", "not a GeoJSON Feature, or a bad header"));
    r.put("401", Map.of("description", "not signed in"));
    r.put("403", Map.of("description", "only " + roles(w)
        + " may write, and the collection's own rules may refuse a feature"));
    if (existing) {
      r.put("404", Map.of("description", "no such feature"));
    }
    r.put("409", Map.of("description", "the write conflicts with stored data"));
    if (existing) {
      r.put("412", Map.of("description", "If-Match names a version that is no longer current"));
    }
    r.put("422", Map.of("description", "the feature is not valid; errors name each problem"));
    if (existing) {
      r.put("428", Map.of("description", "If-Match is missing"));
    }
    return r;
  }

  private static String roles(ItemWrites w) {
    return w.roles().stream().map(Role::name).sorted().collect(Collectors.joining(", "));
  }

  private static Map<String, Object> body(List<String> types, String description) {
    Map<String, Object> content = new LinkedHashMap<>();
    types.forEach(t -> content.put(t, Map.of("schema", Map.of("type", "object"))));
    return Map.of("required", true, "description", description, "content", content);
  }

  private static Map<String, Object> ifMatch() {
    return Map.of("name", "If-Match", "in", "header", "required", true,
        "description", "the ETag of the version you read", "schema", Map.of("type", "string"));
  }

  private static Map<String, Object> contentCrs() {
    return Map.of("name", "Content-Crs", "in", "header", "required", false,
        "description", "the CRS of the body's geometry as <uri> (default CRS84)",
        "schema", Map.of("type", "string"));
  }

  private static Map<String, Object> header(String description) {
    return Map.of("description", description, "schema", Map.of("type", "string"));
  }
}
