package org.jointworks.projects;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jointworks.clock.BusinessClock;
import org.jointworks.system.ApiException;
import org.jointworks.system.Audit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Funds in place before a start (要多元筹措资金，保证开工资金到位, the plan's 三(三)): the county
 * records money in place per funding source with its evidence, on the server's day; when the city
 * has the rule on for the year, a start needs at least the set share of the budget in place by
 * the start day ({@link #checkStart}). The rule's state is the city's: a switch per programme
 * year (who, when), or the setting's default. Writes are audited in their transaction.
 * Thread-safe.
 */
@Service
public class FundsService {
  private final FundsRepository repository;
  private final ProjectRepository projects;
  private final RuleSettings settings;
  private final BusinessClock clock;
  private final Audit audit;
  private final ObjectMapper json;

  FundsService(FundsRepository repository, ProjectRepository projects, RuleSettings settings,
      BusinessClock clock, Audit audit, ObjectMapper json) {
    this.repository = repository;
    this.projects = projects;
    this.settings = settings;
    this.clock = clock;
    this.audit = audit;
    this.json = json;
  }

  /** The rule as it stands for a year, with its source. */
  public record FundsRule(int programmeYear, boolean enabled, double share, String source,
      String setBy, LocalDate setOn, String planText) {}

  /** Money in place as a client writes it; the day is the server's. */
  public record FundsInput(String source, Double amountYuan, String evidenceRef) {}

  /** A switch as the city office sends it. */
  public record SwitchInput(Integer programmeYear, Boolean enabled, Double share) {}

  @Transactional(readOnly = true)
  public FundsRule rule(int year) {
    var s = repository.findSwitch(year, FundsRepository.FUNDS_RULE);
    String text = "要多元筹措资金，保证开工资金到位 (plan 三(三); no amount or evidence named)";
    return s.map(x -> new FundsRule(year, x.enabled(), x.share() == null
            ? settings.fundsInPlaceShare() : x.share(), "local setting", x.setBy(), x.setOn(),
            text))
        .orElse(new FundsRule(year, settings.fundsBeforeStart(), settings.fundsInPlaceShare(),
            "local setting", null, null, text));
  }

  /** The city office turns the rule on or off for a year, today by the server's clock. */
  @Transactional
  public FundsRule setRule(SwitchInput in, int defaultYear) {
    int year = in.programmeYear() == null ? defaultYear : in.programmeYear();
    if (in.enabled() == null || in.share() != null && !(in.share() > 0 && in.share() <= 1)
        || year < 2000 || year > 2100) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "funds.rule_invalid",
          "send enabled (true or false) and, if you like, share in (0, 1]", Map.of());
    }
    FundsRule before = rule(year);
    repository.saveSwitch(new FundsRepository.Switch(year, FundsRepository.FUNDS_RULE,
        in.enabled(), in.share(), Audit.currentActor(), clock.today()), clock.now());
    FundsRule after = rule(year);
    audit.record("funds_rule", "programme_switches", (long) year,
        json.writeValueAsString(before), json.writeValueAsString(after));
    return after;
  }

  /** Records money in place for one source of the project's funding. */
  @Transactional
  public List<FundsRepository.InPlace> record(long projectId, FundsInput in) {
    Project p = projects.find(projectId)
        .orElseThrow(() -> ApiException.notFound("project " + projectId));
    CountyScope.check(p.district());
    var source = in.source() == null ? null : FundingSource.byCode(in.source()).orElse(null);
    var planned = source == null ? null : p.funding().stream()
        .filter(f -> f.source() == source).findFirst().orElse(null);
    if (planned == null || in.amountYuan() == null || !(in.amountYuan() > 0)
        || in.evidenceRef() == null || in.evidenceRef().isBlank()
        || in.evidenceRef().length() > 200) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "funds.invalid", "name a funding"
          + " source of the project, a positive amount in yuan and the evidence (evidenceRef,"
          + " up to 200 characters)", Map.of("project", projectId));
    }
    repository.lockProject(projectId);
    double already = repository.inPlace(projectId).stream().filter(f -> f.source() == source)
        .mapToDouble(FundsRepository.InPlace::amountYuan).sum();
    if (already + in.amountYuan()
        > planned.amountYuan() + ProjectValidation.FUNDING_TOLERANCE_YUAN) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "funds.more_than_planned",
          String.format(Locale.ROOT, "%s: %.2f yuan in place with this record, %.2f planned",
              source.code(), already + in.amountYuan(), planned.amountYuan()),
          Map.of("project", projectId, "source", source.code()));
    }
    repository.insert(new FundsRepository.InPlace(projectId, source, in.amountYuan(),
        in.evidenceRef(), clock.today(), clock.now(), Audit.currentActor()));
    List<FundsRepository.InPlace> all = repository.inPlace(projectId);
    audit.record("funds_in_place", "projects", projectId, null, json.writeValueAsString(all));
    return all;
  }

  @Transactional(readOnly = true)
  public List<FundsRepository.InPlace> ofProject(long projectId) {
    projects.find(projectId).orElseThrow(() -> ApiException.notFound("project " + projectId));
    return repository.inPlace(projectId);
  }

  /** Refuses a start (409 {@code funds.not_in_place}) when the rule is on and money is short. */
  void checkStart(Project p, LocalDate day) {
    FundsRule rule = rule(p.programmeYear());
    if (!rule.enabled()) {
      return;
    }
    double in = repository.inPlace(p.id()).stream().filter(f -> !f.inPlaceOn().isAfter(day))
        .mapToDouble(FundsRepository.InPlace::amountYuan).sum();
    long needCents = Math.round(p.budgetYuan() * rule.share() * 100);
    if (Math.round(in * 100) >= needCents) {
      return;
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("inPlaceYuan", in);
    extra.put("requiredYuan", needCents / 100.0);
    extra.put("share", rule.share());
    extra.put("source", rule.source());
    throw new ApiException(HttpStatus.CONFLICT, "funds.not_in_place", String.format(Locale.ROOT,
        "project %d may not start: %.2f yuan in place by %s, the city requires %.2f (%.0f%% of"
            + " the budget; 保证开工资金到位, POST /api/projects/%d/funds)", p.id(), in, day,
        needCents / 100.0, rule.share() * 100, p.id()), Map.of("project", p.id()), null, extra);
  }
}
