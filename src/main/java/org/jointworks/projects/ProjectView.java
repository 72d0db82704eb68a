package org.jointworks.projects;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A project as the API answers it: the stored project with the catalogue's names of its content,
 * funding by source with the total, the consent gate's figures as of today, the eligibility
 * assessment (null for projects older than it) and whether it is a 完整社区 pilot. Immutable.
 */
public record ProjectView(long id, long version, int programmeYear, long communityId,
    String district, String name, long households, long buildings, double floorAreaM2,
    double budgetYuan, List<ContentLine> content, List<FundingLine> funding,
    double fundingTotalYuan, String safeguards, String constructionUnit,
    String supervisingUnit, String responsiblePerson, List<Project.Finding> surveyFindings,
    String status, boolean inPlan, String origin, boolean consentMet,
    List<ConsentGate.Figure> consentGate, List<ConsentLine> consent,
    List<TransitionLine> transitions, Eligibility.Assessment eligibility,
    boolean completeCommunityPilot) {

  public record ContentLine(String code, String nameZh, String nameEn, String contentClass,
      String classZh, String note) {}

  public record FundingLine(String source, String nameZh, double amountYuan) {}

  public record ConsentLine(String question, long householdsConsenting, Long householdsOpposing,
      LocalDate collectedOn, String evidenceRef, Instant recordedAt, String actor) {}

  /** A step; {@code recordedOn} and {@code lateReason} show an ADMIN's late record. */
  public record TransitionLine(String from, String to, LocalDate effectiveOn, Instant recordedAt,
      String actor, String note, LocalDate recordedOn, String lateReason) {}

  static ProjectView of(Project p, Catalogue catalogue, double threshold, LocalDate today,
      Eligibility.Assessment eligibility, boolean pilot) {
    List<ContentLine> content = p.content().stream().map(i -> {
      var c = catalogue.find(i.code());
      return new ContentLine(i.code(), c.map(Catalogue.Item::nameZh).orElse(null),
          c.map(Catalogue.Item::nameEn).orElse(null),
          c.map(x -> x.contentClass().code()).orElse(null),
          c.map(Catalogue.Item::classZh).orElse(null), i.note());
    }).toList();
    List<FundingLine> funding = p.funding().stream().map(f ->
        new FundingLine(f.source().code(), f.source().nameZh(), f.amountYuan())).toList();
    List<ConsentGate.Figure> gate = ConsentGate.figures(p, threshold, today);
    List<ConsentLine> consent = p.consent().stream().map(c -> new ConsentLine(
        c.question().code(), c.householdsConsenting(), c.householdsOpposing(), c.collectedOn(),
        c.evidenceRef(), c.recordedAt(), c.actor())).toList();
    List<TransitionLine> transitions = p.transitions().stream().map(t -> new TransitionLine(
        t.from() == null ? null : t.from().code(), t.to().code(), t.effectiveOn(),
        t.recordedAt(), t.actor(), t.note(), t.recordedOn(), t.lateReason())).toList();
    return new ProjectView(p.id(), p.version(), p.programmeYear(), p.communityId(), p.district(),
        p.name(), p.households(), p.buildings(), p.floorAreaM2(), p.budgetYuan(), content,
        funding, p.fundingYuan(), p.safeguards(), p.constructionUnit(), p.supervisingUnit(),
        p.responsiblePerson(), p.surveyFindings(), p.status().code(), p.inPlan(), p.origin(),
        gate.stream().allMatch(ConsentGate.Figure::met), gate, consent, transitions,
        eligibility, pilot);
  }
}
