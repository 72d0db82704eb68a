package org.jointworks.projects;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jointworks.reference.Csv;
import org.springframework.stereotype.Component;

/**
 * The catalogue of renovation content, read once from {@code gis-data/renovation-catalogue.csv}
 * (a data file a user can correct). Immutable after construction, thread-safe.
 */
@Component
public class Catalogue {
  static final String RESOURCE = "gis-data/renovation-catalogue.csv";

  /** One kind of renovation work; {@code utility} names the pipeline owner's utility, if any. */
  public record Item(String code, String nameZh, String nameEn, ContentClass contentClass,
      String classZh, String utility) {
    public Item {
      if (code == null || code.isBlank() || nameZh == null || nameEn == null
          || contentClass == null) {
        throw new IllegalArgumentException("a catalogue item needs code, names and class");
      }
    }
  }

  private final Map<String, Item> items = new LinkedHashMap<>();

  Catalogue() {
    for (Map<String, String> row : Csv.readResource(RESOURCE)) {
      ContentClass c = ContentClass.of(row.get("class"));
      Item item = new Item(row.get("code"), row.get("name_zh"), row.get("name_en"), c,
          c.nameZh(), row.get("utility"));
      if (items.put(item.code(), item) != null) {
        throw new IllegalStateException(RESOURCE + " lists " + item.code() + " twice");
      }
    }
  }

  public List<Item> all() {
    return List.copyOf(items.values());
  }

  public Optional<Item> find(String code) {
    return Optional.ofNullable(code == null ? null : items.get(code));
  }
}
