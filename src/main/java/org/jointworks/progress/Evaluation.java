package org.jointworks.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jointworks.inspections.Inspection;
import org.jointworks.projects.ConsentGate;
import org.jointworks.projects.ProgrammeProperties;
import org.jointworks.projects.Project;
import org.jointworks.projects.ProjectStatus;
import org.jointworks.reports.Reporting;

/**
 * The weighted evaluation of the counties at a period's cut-off (mid-year: the mid-year
 * self-assessment day; year: the year-end one). Each component is a share in [0, 1]; the score is
 * 100 × Σ weight × component, the weights from settings. Stateless; see docs/programme.md for
 * each component's definition.
 */
public final class Evaluation {
  private Evaluation() {}

  /** Where a number comes from: the plan's text, or the city's own setting. */
  public static final String PLAN = "plan";
  public static final String LOCAL = "local setting";

  /**
   * One component; {@code weightSource} is always {@value #LOCAL}: the plan asks for a weighted
   * score (综合权重) and gives no weights.
   */
  public record Component(String name, double weight, double value, double points,
      String basis, String weightSource) {}

  public record County(int rank, String district, String name, double score,
      List<Component> components) {}

  /**
   * The ranking with the source of each number that is not the ranking's own arithmetic:
   * {@code sources} names, per setting, {@value #PLAN} or {@value #LOCAL}.
   */
  public record Result(String period, LocalDate cutOff, boolean provisional,
      ProgrammeProperties.Weights weights, List<County> counties,
      java.util.Map<String, String> sources) {}

  /** The sources of the evaluation's numbers (issue 12: invented numbers never pass as the plan's). */
  static final java.util.Map<String, String> SOURCES = java.util.Map.of(
      "weights", LOCAL, "reportDueDay", LOCAL, "reportScores", LOCAL,
      "planFiledWeight", LOCAL, "planFiledScores", LOCAL, "planFiledDue", PLAN,
      "consentThreshold", PLAN, "deadlines", PLAN,
      "note", "the plan names a weighted score (综合权重) but no weights; the weights, the"
          + " monthly report's due day and its scores, and the share and scores of the 02-25"
          + " filing within the reporting component are the city's settings");

  /**
   * What one county brings to the evaluation; {@code planFiled} is its 02-25 filing milestone as
   * of the cut-off ({@link Milestones#planFiled}).
   */
  public record Input(String district, String name, List<Project> projects,
      List<Reporting.Month> reporting, List<Inspection> inspections,
      Milestones.Milestone planFiled) {}

  /**
   * The 02-25 filing's score (a local setting, like the monthly reports' scores): 1 filed on time
   * or not due yet, 0.5 filed late, 0 not filed by the cut-off.
   */
  static double planFiledScore(Milestones.Milestone m) {
    return switch (m == null ? "overdue" : m.state()) {
      case "done", "due" -> 1;
      case "done_late" -> 0.5;
      default -> 0;
    };
  }

  public static Result rank(String period, LocalDate cutOff, boolean provisional,
      ProgrammeProperties settings, List<Input> counties) {
    var d = settings.deadlinesOf(settings.year());
    var w = settings.weights();
    boolean mid = period.equals("mid");
    List<County> scored = new ArrayList<>();
    for (Input in : counties) {
      if (in.projects().isEmpty()) {
        continue;
      }
      double progress = Summary.share(in.projects(),
          mid ? ProjectStatus.STARTED : ProjectStatus.COMPLETED, cutOff);
      long dueMilestones = 0;
      long onTime = 0;
      long consentMet = 0;
      for (Project p : in.projects()) {
        for (var m : Milestones.of(p, d, cutOff)) {
          if (!m.state().equals("due")) {
            dueMilestones++;
            onTime += m.state().equals("done") ? 1 : 0;
          }
        }
        consentMet += ConsentGate.met(p, settings.consentThreshold(), cutOff) ? 1 : 0;
      }
      double schedule = dueMilestones == 0 ? 1 : (double) onTime / dueMilestones;
      double consent = (double) consentMet / in.projects().size();
      double monthly = Reporting.score(in.reporting());
      double filing = planFiledScore(in.planFiled());
      double reporting = (1 - w.planFiled()) * monthly + w.planFiled() * filing;
      long findings = 0;
      long lateFindings = 0;
      for (Inspection x : in.inspections()) {
        if (!x.inspectedOn().isAfter(cutOff)) {
          findings += x.findingCount();
          lateFindings += x.rectifiedLate(cutOff) ? x.findingCount() : 0;
        }
      }
      double quality = findings == 0 ? 1 : 1 - (double) lateFindings / findings;
      List<Component> parts = List.of(
          part("progress", w.progress(), progress, (mid ? "households in started projects"
              : "households in completed projects") + " over planned households"),
          part("schedule", w.schedule(), schedule, onTime + " of " + dueMilestones
              + " milestones due by the cut-off met on time"),
          part("consent", w.consent(), consent, consentMet + " of " + in.projects().size()
              + " projects with both consents at the threshold"),
          part("reporting", w.reporting(), reporting, in.reporting().size()
              + " monthly reports due; late, corrected, unapproved and missing ones lose;"
              + " annual plan filing scores " + filing + " at a share of "
              + w.planFiled() + " (" + filingState(in.planFiled()) + ")"),
          part("quality", w.quality(), quality, (findings - lateFindings) + " of " + findings
              + " inspection findings rectified on time"));
      double score = round(parts.stream().mapToDouble(Component::points).sum());
      scored.add(new County(0, in.district(), in.name(), score, parts));
    }
    scored.sort(Comparator.comparingDouble(County::score).reversed()
        .thenComparing(County::district));
    List<County> ranked = new ArrayList<>();
    for (int i = 0; i < scored.size(); i++) {
      County c = scored.get(i);
      // Equal scores share a rank (competition ranking: 1, 2, 2, 4).
      int rank = i > 0 && scored.get(i - 1).score() == c.score() ? ranked.get(i - 1).rank() : i + 1;
      ranked.add(new County(rank, c.district(), c.name(), c.score(), c.components()));
    }
    return new Result(period, cutOff, provisional, w, ranked, SOURCES);
  }

  private static String filingState(Milestones.Milestone m) {
    return m == null ? "not filed" : switch (m.state()) {
      case "done" -> "filed on time";
      case "done_late" -> "filed " + m.daysLate() + " days late";
      case "due" -> "not due yet";
      default -> "not filed";
    };
  }

  private static Component part(String name, double weight, double value, String basis) {
    double v = Math.round(value * 10_000) / 10_000.0;
    return new Component(name, weight, v, round(100 * weight * value), basis, LOCAL);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
