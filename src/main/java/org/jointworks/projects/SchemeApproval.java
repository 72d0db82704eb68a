package org.jointworks.projects;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The city office's approval of a project's scheme (改造方案严格把关), its own record beside the
 * project's workflow and the adjustments: who, on which server day, and what exactly was approved
 * (content codes, budget, the project's version), so a later change is seen. Immutable.
 *
 * @param kind {@code scheme} (the approval a start needs) or {@code change} (a material change of
 *     a started project's scheme, given through {@code PUT /api/projects/{id}})
 * @param omissions priority items found in the survey and left out of the content, with reasons
 */
public record SchemeApproval(long id, long projectId, long projectVersion, String kind,
    List<String> contentCodes, double budgetYuan, List<Omission> omissions, String reference,
    String note, String approvedBy, LocalDate approvedOn, Instant recordedAt) {

  public SchemeApproval {
    contentCodes = List.copyOf(contentCodes);
    omissions = List.copyOf(omissions);
    if (reference == null || reference.isBlank()) {
      throw new IllegalArgumentException("an approval names its document reference");
    }
  }

  /** A priority item left out of the scheme, and why. */
  public record Omission(String code, String reason) {}

  /** Whether this approval is of {@code p}'s scheme as it stands: same content, same budget. */
  public boolean covers(Project p) {
    return contentCodes.equals(codes(p)) && Math.round(budgetYuan * 100)
        == Math.round(p.budgetYuan() * 100);
  }

  /** The project's content codes, sorted: the form an approval keeps. */
  static List<String> codes(Project p) {
    return p.content().stream().map(Project.Item::code).sorted().toList();
  }
}
