package org.jointworks.permits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jointworks.layers.Feature;
import org.jointworks.layers.FeatureRepository;
import org.jointworks.layers.Layer;
import org.jointworks.projects.ConsentGate;
import org.jointworks.projects.ProgrammeProperties;
import org.jointworks.projects.Project;
import org.jointworks.projects.ProjectService;
import org.springframework.stereotype.Component;

/**
 * The plan's consent gate as it reaches a work: a work inside (meeting) a community that has a
 * renovation project in the plan may start only once that project passed its consent gate (80%
 * of all households, both questions; {@link ConsentGate}). Reads the programme through its public
 * service only. Thread-safe.
 */
@Component
class ConsentCheck {
  private final FeatureRepository features;
  private final ProjectService projects;
  private final ProgrammeProperties programme;

  ConsentCheck(FeatureRepository features, ProjectService projects,
      ProgrammeProperties programme) {
    this.features = features;
    this.projects = projects;
    this.programme = programme;
  }

  /** A project that holds the work back. */
  record Blocking(long projectId, long communityId, String name) {}

  /**
   * The projects of the communities the work meets whose consent gate is not passed on
   * {@code day}.
   */
  List<Blocking> blocking(Feature work, LocalDate day) {
    Set<Long> communities = new HashSet<>();
    features.forEach(Layer.COMMUNITIES, work.geometry().getEnvelopeInternal(), c -> {
      if (c.geometry() != null && c.geometry().intersects(work.geometry())) {
        communities.add(c.id());
      }
    });
    List<Blocking> out = new ArrayList<>();
    if (communities.isEmpty()) {
      return out;
    }
    for (Project p : projects.all()) {
      if (p.inPlan() && communities.contains(p.communityId())
          && !ConsentGate.met(p, programme.consentThreshold(), day)) {
        out.add(new Blocking(p.id(), p.communityId(), p.name()));
      }
    }
    return out;
  }
}
