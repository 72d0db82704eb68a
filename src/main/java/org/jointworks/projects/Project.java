package org.jointworks.projects;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One renovation project as stored: the community it renovates with the plan's figures (copied
 * from the community when the project was created, so later edits of the map do not move the
 * plan), everything rule 3 of the plan names, its status and history. Immutable.
 *
 * @param inPlan false once an adjustment withdrew it; it stays for the original plan
 * @param origin {@code plan} if in the plan as first fixed, {@code adjustment} if added by one
 * @param schemeChangedOn the day of the last material change of the scheme after consent; consent
 *     counts collected before it no longer count (consent binds the scheme); null if none
 */
public record Project(long id, long version, int programmeYear, long communityId, String district,
    String name, long households, long buildings, double floorAreaM2, double budgetYuan,
    List<Item> content, List<Funding> funding, String safeguards, String constructionUnit,
    String supervisingUnit, String responsiblePerson, List<Finding> surveyFindings,
    ProjectStatus status, boolean inPlan, String origin, List<Consent> consent,
    List<Transition> transitions, LocalDate schemeChangedOn) {

  public Project {
    content = List.copyOf(content);
    funding = List.copyOf(funding);
    surveyFindings = List.copyOf(surveyFindings);
    consent = List.copyOf(consent);
    transitions = List.copyOf(transitions);
  }

  /** A project whose scheme never changed after consent. */
  public Project(long id, long version, int programmeYear, long communityId, String district,
      String name, long households, long buildings, double floorAreaM2, double budgetYuan,
      List<Item> content, List<Funding> funding, String safeguards, String constructionUnit,
      String supervisingUnit, String responsiblePerson, List<Finding> surveyFindings,
      ProjectStatus status, boolean inPlan, String origin, List<Consent> consent,
      List<Transition> transitions) {
    this(id, version, programmeYear, communityId, district, name, households, buildings,
        floorAreaM2, budgetYuan, content, funding, safeguards, constructionUnit, supervisingUnit,
        responsiblePerson, surveyFindings, status, inPlan, origin, consent, transitions, null);
  }

  /** A content item of the catalogue, with a free note (quantities, locations). */
  public record Item(String code, String note) {}

  public record Funding(FundingSource source, double amountYuan) {}

  /**
   * A survey finding (摸底排查): {@code missing_facility} or {@code safety_hazard}, coded with the
   * catalogue item it calls for; free text alone is not a finding.
   *
   * @param code the catalogue item (GET /api/catalogue) the finding calls for
   * @param notInSchemeReason why a priority item (应改尽改) found here is left out of the scheme's
   *     content; null when it is in the content
   */
  public record Finding(String kind, String code, String description,
      String notInSchemeReason) {}

  /** One consent count: households for a question, on a date, with its evidence. */
  public record Consent(ConsentQuestion question, long householdsConsenting,
      Long householdsOpposing, LocalDate collectedOn, String evidenceRef, Instant recordedAt,
      String actor) {}

  /**
   * One step of the workflow: who recorded it, when, and the day it took effect.
   *
   * @param recordedOn the server's day of recording (null in rows older than issue 12)
   * @param lateReason why an ADMIN recorded it late on someone's behalf; null otherwise
   */
  public record Transition(ProjectStatus from, ProjectStatus to, LocalDate effectiveOn,
      Instant recordedAt, String actor, String note, LocalDate recordedOn, String lateReason) {
    public Transition(ProjectStatus from, ProjectStatus to, LocalDate effectiveOn,
        Instant recordedAt, String actor, String note) {
      this(from, to, effectiveOn, recordedAt, actor, note, effectiveOn, null);
    }

    /** The day that counts for deadlines: the later of the effective and the recording day. */
    public LocalDate countsOn() {
      return recordedOn == null || recordedOn.isBefore(effectiveOn) ? effectiveOn : recordedOn;
    }
  }

  /** The last transition that reached {@code status}, if any. */
  public java.util.Optional<Transition> reaching(ProjectStatus s) {
    return transitions.stream().filter(t -> t.to() == s).reduce((a, b) -> b);
  }

  /** The day the project (last) reached {@code status}, if it has. */
  public java.util.Optional<LocalDate> reachedOn(ProjectStatus s) {
    return reaching(s).map(Transition::effectiveOn);
  }

  /** The status it had at the end of {@code day}, from its history. */
  public ProjectStatus statusOn(LocalDate day) {
    // In recording order: effective days never go back, and a step back (a material change of
    // the scheme after consent sends a project back to scheme_drafted) is a step like the others.
    ProjectStatus at = ProjectStatus.SURVEYED;
    for (Transition t : transitions) {
      if (!t.effectiveOn().isAfter(day)) {
        at = t.to();
      }
    }
    return at;
  }

  /** The latest consent count of {@code question} collected by {@code day}, if any. */
  public java.util.Optional<Consent> latestConsent(ConsentQuestion question, LocalDate day) {
    Consent latest = null;
    for (Consent c : consent) {
      if (schemeChangedOn != null && c.collectedOn().isBefore(schemeChangedOn)) {
        continue;
      }
      if (c.question() == question && !c.collectedOn().isAfter(day)
          && (latest == null || !c.collectedOn().isBefore(latest.collectedOn()))) {
        latest = c;
      }
    }
    return java.util.Optional.ofNullable(latest);
  }

  public double fundingYuan() {
    return funding.stream().mapToDouble(Funding::amountYuan).sum();
  }
}
