package org.jointworks.coordination.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jointworks.coordination.engine.ConstructionPlan.Excavation;
import org.jointworks.coordination.engine.ConstructionPlan.Task;
import org.jointworks.coordination.engine.ConstructionPlan.Unmet;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Builds the coordinated construction plan of an area from the works inside it.
 *
 * <p>Outline: {@link #trenches} joins works that share a street stretch (within bufferMeters and
 * alongside each other for at least minSharedMeters; areas: a shared area) into one excavation
 * with union-find; {@link #schedule} orders each trench's utilities deepest first (drainage,
 * water supply, gas and heating together, then power and telecom together), runs the depth
 * classes one after the other and the works of one class side by side, from the first start date
 * among them; the surface work of the renovation (roads, then greening) follows the last
 * excavation. Every constraint that fails is named, none is silently bent.
 *
 * <p>Stateless; thread-safe.
 */
public final class PlanScheduler {
  /** Depth class of each utility: deepest first, as the pipes lie in a street cross-section. */
  private static final Map<String, Integer> DEPTH = Map.of("drainage", 0, "water_supply", 1,
      "gas", 2, "heating", 2, "power", 3, "telecom", 3);

  private PlanScheduler() {}

  /** A work inside the plan's area with its geometries. */
  public record PlanWork(WorkRef ref, Geometry metric, Geometry lonLat) {}

  public static ConstructionPlan plan(List<PlanWork> works, PlanSettings s) {
    List<PlanWork> sorted = new ArrayList<>(works);
    sorted.sort(Comparator.comparing(w -> w.ref().id()));
    List<List<PlanWork>> trenches = trenches(sorted, s);
    List<Excavation> excavations = new ArrayList<>();
    List<Task> timeline = new ArrayList<>();
    List<Unmet> unmet = new ArrayList<>();
    for (int k = 0; k < trenches.size(); k++) {
      excavations.add(schedule("E" + (k + 1), trenches.get(k), s, timeline, unmet));
    }
    List<Task> surface = surface(excavations, s, timeline, unmet);
    LocalDate start = timeline.stream().map(Task::start).min(Comparator.naturalOrder()).orElse(null);
    LocalDate end = timeline.stream().map(Task::end).max(Comparator.naturalOrder()).orElse(null);
    return new ConstructionPlan(works.size(), works.size(), excavations.size(),
        works.size() - excavations.size(), start, end, excavations, surface, timeline, unmet);
  }

  /** Groups of works sharing a street stretch, each group in id order, groups by lowest id. */
  static List<List<PlanWork>> trenches(List<PlanWork> works, PlanSettings s) {
    int n = works.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    // An index keeps a city-sized area from costing n squared distance tests.
    STRtree index = new STRtree();
    for (int i = 0; i < n; i++) {
      index.insert(works.get(i).metric().getEnvelopeInternal(), i);
    }
    for (int i = 0; i < n; i++) {
      Envelope search = new Envelope(works.get(i).metric().getEnvelopeInternal());
      search.expandBy(s.bufferMeters());
      for (Object o : index.query(search)) {
        int j = (Integer) o;
        if (j > i && shareStretch(works.get(i).metric(), works.get(j).metric(), s)) {
          parent[find(parent, j)] = find(parent, i);
        }
      }
    }
    Map<Integer, List<PlanWork>> groups = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(find(parent, i), x -> new ArrayList<>()).add(works.get(i));
    }
    return new ArrayList<>(groups.values());
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  static boolean shareStretch(Geometry a, Geometry b, PlanSettings s) {
    if (a.getEnvelopeInternal().distance(b.getEnvelopeInternal()) > s.bufferMeters()
        || !DistanceOp.isWithinDistance(a, b, s.bufferMeters())) {
      return false;
    }
    int da = a.getDimension();
    int db = b.getDimension();
    if (da == 2 && db == 2) {
      return OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION).getArea() > 0;
    }
    double along = da == 1 && db == 1
        ? Math.min(NearLength.lengthWithin(a, b, s.bufferMeters()),
            NearLength.lengthWithin(b, a, s.bufferMeters()))
        : NearLength.lengthWithin(da == 1 ? a : b, da == 1 ? b : a, s.bufferMeters());
    return along >= s.minSharedMeters() && along > 0;
  }

  private static Excavation schedule(String id, List<PlanWork> trench, PlanSettings s,
      List<Task> timeline, List<Unmet> unmet) {
    PlanWork lead = trench.stream().min(Comparator
        .comparing((PlanWork w) -> depth(w.ref().utility()))
        .thenComparing(w -> -size(w.metric()))
        .thenComparing(w -> w.ref().id())).orElseThrow();
    Map<Integer, List<PlanWork>> classes = new TreeMap<>();
    for (PlanWork w : trench) {
      classes.computeIfAbsent(depth(w.ref().utility()), x -> new ArrayList<>()).add(w);
    }
    List<Task> phases = new ArrayList<>();
    LocalDate cursor = null;
    String previous = null;
    int order = 1;
    for (List<PlanWork> phaseWorks : classes.values()) {
      // A class starts when the first of its works may: a later work of the same class is
      // brought forward into the open trench (dig once) and named as an unmet window below,
      // rather than holding every shallower utility back until it is due.
      LocalDate start = phaseWorks.stream().map(w -> w.ref().startDate())
          .min(Comparator.naturalOrder()).orElseThrow();
      if (cursor != null && !start.isAfter(cursor)) {
        start = cursor.plusDays(1);
      }
      long days = phaseWorks.stream().mapToLong(PlanScheduler::days).max().orElse(1);
      LocalDate end = start.plusDays(days - 1);
      for (PlanWork w : phaseWorks) {
        if (w.ref().startDate().isAfter(start)) {
          unmet.add(new Unmet("work_window", "work " + w.ref().id(), w.ref().startDate(), start,
              "work " + w.ref().id() + " (" + w.ref().utility() + ") is due to start "
                  + w.ref().startDate() + " but trench " + id + " has it start " + start
                  + " (brought forward to dig once)"));
        }
        if (end.isAfter(w.ref().endDate())) {
          unmet.add(new Unmet("work_window", "work " + w.ref().id(), w.ref().endDate(), end,
              "work " + w.ref().id() + " (" + w.ref().utility() + ") must end by "
                  + w.ref().endDate() + " but its place in trench " + id + " ends " + end));
        }
      }
      String taskId = id + "." + order++;
      List<String> utilities = phaseWorks.stream().map(w -> w.ref().utility()).distinct().toList();
      Task t = new Task(taskId, id + " " + String.join(" + ", utilities), id, utilities,
          phaseWorks.stream().map(w -> w.ref().id()).toList(), start, end,
          previous == null ? List.of() : List.of(previous));
      phases.add(t);
      timeline.add(t);
      previous = taskId;
      cursor = end;
    }
    LocalDate start = phases.get(0).start();
    LocalDate end = phases.get(phases.size() - 1).end();
    if (start.isAfter(s.startBy())) {
      unmet.add(new Unmet("start_by", id, s.startBy(), start,
          "excavation " + id + " starts " + start + ", after the plan's start deadline " + s.startBy()));
    }
    if (end.isAfter(s.completeBy())) {
      unmet.add(new Unmet("complete_by", id, s.completeBy(), end,
          "excavation " + id + " ends " + end + ", after the plan's completion deadline "
              + s.completeBy()));
    }
    Geometry outline = UnaryUnionOp.union(trench.stream().map(PlanWork::lonLat).toList());
    double length = trench.stream().mapToDouble(w -> w.metric().getLength()).sum();
    return new Excavation(id, lead.ref(),
        trench.stream().filter(w -> w != lead).map(PlanWork::ref).toList(),
        trench.stream().map(w -> w.ref().id()).toList(), ConflictEngine.round(length, 100),
        start, end, phases, GeoJsonMaps.of(outline));
  }

  private static List<Task> surface(List<Excavation> excavations, PlanSettings s,
      List<Task> timeline, List<Unmet> unmet) {
    LocalDate after = excavations.stream().map(Excavation::end).max(Comparator.naturalOrder())
        .orElse(null);
    List<String> lastPhases = excavations.stream()
        .map(e -> e.phases().get(e.phases().size() - 1).id()).toList();
    LocalDate roadsStart = after == null ? s.startBy() : after.plusDays(1);
    List<Task> out = new ArrayList<>();
    Task roads = new Task("S.1", "roads (resurfacing)", "surface", List.of(), List.of(),
        roadsStart, roadsStart.plusDays(s.roadDays() - 1L), lastPhases);
    Task greening = new Task("S.2", "greening", "surface", List.of(), List.of(),
        roads.end().plusDays(1), roads.end().plusDays(s.greeningDays()),
        List.of("S.1"));
    for (Task t : List.of(roads, greening)) {
      out.add(t);
      timeline.add(t);
      if (t.end().isAfter(s.completeBy())) {
        unmet.add(new Unmet("complete_by", t.id(), s.completeBy(), t.end(),
            t.label() + " ends " + t.end() + ", after the plan's completion deadline "
                + s.completeBy()));
      }
    }
    return out;
  }

  static int depth(String utility) {
    return DEPTH.getOrDefault(utility, 4);
  }

  private static double size(Geometry metric) {
    return metric.getDimension() == 2 ? metric.getArea() : metric.getLength();
  }

  private static long days(PlanWork w) {
    return ChronoUnit.DAYS.between(w.ref().startDate(), w.ref().endDate()) + 1;
  }
}
