package org.jointworks.projects;

import java.util.List;

/**
 * A project as a client writes it (POST and PUT bodies). The community, the programme year and
 * the plan's figures are fixed at creation; status moves only through transitions. Checked by
 * {@link ProjectValidation}, which lists every problem at once.
 *
 * @param surveyedOn the day the survey (摸底排查) was done, the workflow's first step; default
 *     today
 * @param version the version the client read, for PUT without If-Match
 * @param schemeApprovalRef the city office's approval of a material change of a started
 *     project's scheme (its document reference); only the city office gives it
 * @param eligibilityException why a community built after the eligibility cut-off is renovated
 *     (recorded with who and when at creation; {@link Eligibility})
 */
public record ProjectInput(Long communityId, Integer programmeYear, Double budgetYuan,
    List<Project.Item> content, List<FundingInput> funding, String safeguards,
    String constructionUnit, String supervisingUnit, String responsiblePerson,
    List<Project.Finding> surveyFindings, java.time.LocalDate surveyedOn, Long version,
    String schemeApprovalRef, String eligibilityException) {

  public ProjectInput(Long communityId, Integer programmeYear, Double budgetYuan,
      List<Project.Item> content, List<FundingInput> funding, String safeguards,
      String constructionUnit, String supervisingUnit, String responsiblePerson,
      List<Project.Finding> surveyFindings, java.time.LocalDate surveyedOn, Long version) {
    this(communityId, programmeYear, budgetYuan, content, funding, safeguards, constructionUnit,
        supervisingUnit, responsiblePerson, surveyFindings, surveyedOn, version, null, null);
  }

  /** A funding line as written: the source's code and the amount in yuan. */
  public record FundingInput(String source, Double amountYuan) {}
}
