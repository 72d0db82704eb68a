package org.jointworks.projects;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a {@link ProjectInput} against rule 3 of the plan: content from the catalogue, a budget,
 * funding sources that add up to it, the units and the person responsible, survey findings of
 * known kinds. Collects all problems so a client fixes them in one go. Stateless.
 */
final class ProjectValidation {
  /** Funding may differ from the budget by rounding only. */
  static final double FUNDING_TOLERANCE_YUAN = 0.5;
  static final Set<String> FINDING_KINDS = Set.of("missing_facility", "safety_hazard");

  /** The start of the problem that an uncoded finding gives (free text alone is refused). */
  static final String UNCODED = "surveyFindings: code each finding with a catalogue item";

  private ProjectValidation() {}

  /**
   * The refusal for {@code problems}: 422, coded {@code survey.finding_uncoded} when a finding
   * is not coded against the catalogue (a rule of its own), {@code validation.failed} otherwise.
   */
  static org.jointworks.system.ApiException refusal(List<String> problems) {
    boolean uncoded = problems.stream().anyMatch(p -> p.startsWith(UNCODED));
    return new org.jointworks.system.ApiException(
        org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
        uncoded ? "survey.finding_uncoded" : "validation.failed", "the project is not valid",
        java.util.Map.of(), problems, null);
  }

  static List<String> problems(ProjectInput in, Catalogue catalogue) {
    List<String> problems = new ArrayList<>();
    // Bounded above as well: 1e308 yuan is no budget (issue 11).
    if (in.budgetYuan() == null || !(in.budgetYuan() > 0) || in.budgetYuan() > 1e12) {
      problems.add("budgetYuan: the budget estimate (资金概算) must be a positive amount in yuan");
    }
    if (in.content() == null || in.content().isEmpty()) {
      problems.add("content: name at least one item of the catalogue (GET /api/catalogue)");
    } else {
      Set<String> seen = new HashSet<>();
      for (Project.Item item : in.content()) {
        if (item == null || catalogue.find(item.code()).isEmpty()) {
          problems.add("content: '" + (item == null ? null : item.code())
              + "' is not in the catalogue");
        } else if (!seen.add(item.code())) {
          problems.add("content: '" + item.code() + "' is listed twice");
        }
      }
    }
    double total = 0;
    if (in.funding() == null || in.funding().isEmpty()) {
      problems.add("funding: name each funding source and its amount");
    } else {
      Set<FundingSource> seen = new HashSet<>();
      for (ProjectInput.FundingInput f : in.funding()) {
        var source = f == null ? null : FundingSource.byCode(f.source()).orElse(null);
        if (source == null) {
          problems.add("funding: unknown source '" + (f == null ? null : f.source())
              + "'; known: central_subsidy, provincial_subsidy, special_bonds, bank_credit,"
              + " utility_companies, residents, social_capital");
        } else if (!seen.add(source)) {
          problems.add("funding: '" + source.code() + "' is listed twice");
        } else if (f.amountYuan() == null || !(f.amountYuan() >= 0) || f.amountYuan() > 1e12) {
          problems.add("funding: the amount of '" + source.code() + "' must be 0 or more yuan");
        } else {
          total += f.amountYuan();
        }
      }
      if (problems.isEmpty() && in.budgetYuan() != null
          && Math.abs(total - in.budgetYuan()) > FUNDING_TOLERANCE_YUAN) {
        problems.add(String.format(java.util.Locale.ROOT,
            "funding: the sources add up to %.2f yuan, the budget estimate is %.2f yuan",
            total, in.budgetYuan()));
      }
    }
    required(problems, "constructionUnit", in.constructionUnit(), "the construction unit (建设单位)");
    required(problems, "supervisingUnit", in.supervisingUnit(),
        "the unit responsible for day-to-day supervision (日常监管直接责任单位)");
    required(problems, "responsiblePerson", in.responsiblePerson(), "the responsible person (责任人)");
    required(problems, "safeguards", in.safeguards(), "the safeguards (保障措施)");
    if (in.surveyFindings() != null) {
      for (Project.Finding f : in.surveyFindings()) {
        if (f == null || !FINDING_KINDS.contains(f.kind())) {
          problems.add("surveyFindings: kind must be missing_facility or safety_hazard");
          continue;
        }
        if (f.code() == null || catalogue.find(f.code()).isEmpty()) {
          problems.add(UNCODED + " ('" + f.code() + "' is not an item of GET /api/catalogue)");
        }
        if (f.description() != null && f.description().length() > 500) {
          problems.add("surveyFindings: a description up to 500 characters");
        }
        if (f.notInSchemeReason() != null && (f.notInSchemeReason().isBlank()
            || f.notInSchemeReason().length() > 500)) {
          problems.add("surveyFindings: notInSchemeReason, when given, 1 to 500 characters");
        }
      }
    }
    return problems;
  }

  private static void required(List<String> problems, String field, String value, String what) {
    if (value == null || value.isBlank()) {
      problems.add(field + ": name " + what);
    } else if (value.length() > (field.equals("safeguards") ? 2000 : 200)) {
      problems.add(field + ": too long");
    }
  }

  static List<Project.Funding> funding(ProjectInput in) {
    return in.funding().stream().map(f -> new Project.Funding(
        FundingSource.byCode(f.source()).orElseThrow(), f.amountYuan())).toList();
  }
}
