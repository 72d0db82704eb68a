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
 */
public record ProjectInput(Long communityId, Integer programmeYear, Double budgetYuan,
    List<Project.Item> content, List<FundingInput> funding, String safeguards,
    String constructionUnit, String supervisingUnit, String responsiblePerson,
    List<Project.Finding> surveyFindings, java.time.LocalDate surveyedOn, Long version) {

  /** A funding line as written: the source's code and the amount in yuan. */
  public record FundingInput(String source, Double amountYuan) {}
}
