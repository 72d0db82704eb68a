package org.jointworks.projects;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The records beside a project's workflow, over HTTP: scheme approvals
 * ({@code /api/projects/{id}/scheme-approvals}), funds in place ({@code /api/projects/{id}/funds}),
 * the 完整社区 pilot designation ({@code /api/projects/{id}/pilot}, list at
 * {@code /api/programme/pilots}), and the programme's city rules with their sources
 * ({@code /api/programme/rules}, the funds switch at
 * {@code /api/programme/rules/funds-before-start}). HTTP only; the services hold the rules.
 */
@RestController
class SchemeController {
  private final SchemeApprovalService approvals;
  private final FundsService funds;
  private final Pilots pilots;
  private final Eligibility eligibility;
  private final ProgrammeProperties settings;

  SchemeController(SchemeApprovalService approvals, FundsService funds, Pilots pilots,
      Eligibility eligibility, ProgrammeProperties settings) {
    this.approvals = approvals;
    this.funds = funds;
    this.pilots = pilots;
    this.eligibility = eligibility;
    this.settings = settings;
  }

  @GetMapping("/api/projects/{id}/scheme-approvals")
  List<SchemeApproval> approvals(@PathVariable long id) {
    return approvals.ofProject(id);
  }

  @PostMapping("/api/projects/{id}/scheme-approvals")
  @ResponseStatus(HttpStatus.CREATED)
  SchemeApproval approve(@PathVariable long id,
      @RequestBody SchemeApprovalService.ApprovalInput body) {
    return approvals.approve(id, body);
  }

  @GetMapping("/api/projects/{id}/funds")
  List<FundsRepository.InPlace> funds(@PathVariable long id) {
    return funds.ofProject(id);
  }

  @PostMapping("/api/projects/{id}/funds")
  @ResponseStatus(HttpStatus.CREATED)
  List<FundsRepository.InPlace> recordFunds(@PathVariable long id,
      @RequestBody FundsService.FundsInput body) {
    return funds.record(id, body);
  }

  @PostMapping("/api/projects/{id}/pilot")
  @ResponseStatus(HttpStatus.CREATED)
  Pilots.Pilot designate(@PathVariable long id, @RequestBody Pilots.PilotInput body) {
    return pilots.designate(id, body);
  }

  /** The pilots in the plan, with the plan's words they answer. */
  @GetMapping("/api/programme/pilots")
  Map<String, Object> pilots() {
    List<Pilots.Pilot> all = pilots.inPlan();
    return Map.of("count", all.size(), "pilots", all, "source", "plan",
        "basis", "开展完整社区建设试点，以城市体检结果为基础，补齐设施和服务短板，打造一批完整社区样板"
            + " (plan 四(二)); the plan names no number: the count is the counties' designations");
  }

  /** The city's rules behind the programme, each with its source. */
  @GetMapping("/api/programme/rules")
  Map<String, Object> rules() {
    return Map.of("eligibility", eligibility.rule(),
        "fundsBeforeStart", funds.rule(settings.year()),
        "priorityContent", Map.of("codes", PriorityContent.CODES.stream().sorted().toList(),
            "source", "plan", "basis", "按照“应改尽改”原则，将存在安全隐患的电力、供水、排水、燃气、"
                + "供热等老旧管线…以及消防通道不畅等优先列为改造内容…开展住宅外墙安全整治 (plan 三(二))"));
  }

  @PutMapping("/api/programme/rules/funds-before-start")
  FundsService.FundsRule setFundsRule(@RequestBody FundsService.SwitchInput body) {
    return funds.setRule(body, settings.year());
  }
}
