package org.jointworks.projects;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "应改尽改" (renovate all that should be), the plan's 三(二): aging pipelines with safety hazards —
 * power 电力, water supply 供水, drainage 排水, gas 燃气, heating 供热 — blocked fire lanes 消防通道不畅
 * and exterior-wall safety 住宅外墙安全整治 are priority content. A survey finding coded with one of
 * these catalogue items must be in the scheme's content, or carry the reason it is left out
 * ({@link Project.Finding#notInSchemeReason}); otherwise the city office may not approve the
 * scheme. Lifts, age-friendly work and energy saving are encouraged by the plan, not required,
 * so they are not here. Stateless.
 */
public final class PriorityContent {
  /** The catalogue codes of the plan's priority items. */
  public static final Set<String> CODES = Set.of("power", "water_supply", "drainage", "gas",
      "heating", "fire_lanes", "exterior_walls");

  private PriorityContent() {}

  public static boolean isPriority(String code) {
    return code != null && CODES.contains(code);
  }

  /** The findings of priority items neither in the content nor with a reason for leaving out. */
  public static List<Project.Finding> leftOut(Project p) {
    Set<String> content = p.content().stream().map(Project.Item::code)
        .collect(Collectors.toSet());
    return p.surveyFindings().stream().filter(f -> isPriority(f.code()))
        .filter(f -> !content.contains(f.code()))
        .filter(f -> f.notInSchemeReason() == null || f.notInSchemeReason().isBlank())
        .toList();
  }

  /** The priority findings left out with a reason: what an approval records as omissions. */
  public static List<SchemeApproval.Omission> omissions(Project p) {
    Set<String> content = p.content().stream().map(Project.Item::code)
        .collect(Collectors.toSet());
    return p.surveyFindings().stream().filter(f -> isPriority(f.code()))
        .filter(f -> !content.contains(f.code()) && f.notInSchemeReason() != null)
        .map(f -> new SchemeApproval.Omission(f.code(), f.notInSchemeReason())).toList();
  }
}
