package org.jointworks.ogcapi;

import java.util.Map;
import org.jointworks.layers.Feature;

/**
 * How a collection names its features in URLs ({@code /items/{featureId}}), paging cursors
 * ({@code after}, {@code before}) and GeoJSON ({@code "id"}). Stored features are named by their
 * numeric primary key ({@link #NUMERIC}); a derived collection may use text ids, for example the
 * works conflicts' {@code "<a>-<b>"} (decision 19 in docs/decisions.md). Ids sort in the
 * collection's keyset order. Implementations are stateless and thread-safe.
 */
public interface FeatureIds {
  /** The stored features' id: the primary key, a JSON number. */
  FeatureIds NUMERIC = new FeatureIds() {
    @Override
    public String of(Feature f) {
      return Long.toString(f.id());
    }

    @Override
    public boolean valid(String text) {
      try {
        Long.parseLong(text.trim());
        return true;
      } catch (NumberFormatException e) {
        return false;
      }
    }

    @Override
    public boolean numeric() {
      return true;
    }

    @Override
    public Map<String, Object> schema() {
      return Map.of("type", "integer");
    }
  };

  /** The id of {@code f} as it appears in URLs and cursors. */
  String of(Feature f);

  /** Whether {@code text} has the form of an id of this collection (it need not exist). */
  boolean valid(String text);

  /** Whether GeoJSON writes the id as a number (else as a string). */
  boolean numeric();

  /** The id's JSON Schema, for the OpenAPI document. */
  Map<String, Object> schema();

  /** The id as GeoJSON and the HTML views carry it: a Long when numeric, else the text. */
  default Object value(Feature f) {
    return numeric() ? (Object) f.id() : of(f);
  }
}
