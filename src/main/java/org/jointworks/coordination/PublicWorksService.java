package org.jointworks.coordination;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.layers.Layer;
import org.jointworks.layers.Vocabulary;
import org.jointworks.organisations.Organisation;
import org.jointworks.organisations.OrganisationService;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizens' works map: granted and current works (approved, in progress; never drafts or
 * applications still under review) with
 * their dates, owner, utility, kind and status, and nothing else. The properties are copied from
 * a fixed list, so a field added to works (or anything of a pipeline) never leaks here by
 * accident. Thread-safe.
 */
@Service
public class PublicWorksService {
  static final Set<String> SHOWN_STATUSES = Vocabulary.PUBLIC_WORK_STATUSES;
  static final List<String> PUBLIC_FIELDS =
      List.of("utility", "owner", "kind", "status", "start_date", "end_date");

  private final FeatureRepository repository;
  private final OrganisationService organisations;

  PublicWorksService(FeatureRepository repository, OrganisationService organisations) {
    this.repository = repository;
    this.organisations = organisations;
  }

  /** Streams the public view of the works meeting {@code bbox} (lon/lat, null for all). */
  @Transactional(readOnly = true)
  public void forEach(Envelope bbox, Consumer<Feature> sink) {
    Map<String, String> names = new LinkedHashMap<>();
    for (Organisation o : organisations.list()) {
      names.put(o.code(), o.name());
    }
    repository.forEach(Layer.WORKS, bbox, f -> {
      if (!SHOWN_STATUSES.contains(f.text("status"))) {
        return;
      }
      Map<String, Object> props = new LinkedHashMap<>();
      for (String field : PUBLIC_FIELDS) {
        if (f.get(field) != null) {
          props.put(field, f.get(field));
        }
      }
      String name = names.get(f.text("owner"));
      if (name != null) {
        props.put("owner_name", name);
      }
      sink.accept(new Feature(f.id(), f.version(), f.geometry(), props));
    });
  }
}
