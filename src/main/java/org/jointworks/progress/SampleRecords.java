package org.jointworks.progress;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.jointworks.clock.BusinessClock;
import org.jointworks.inspections.Inspection;
import org.jointworks.inspections.InspectionService;
import org.jointworks.inspections.InspectionService.InspectionInput;
import org.jointworks.projects.Project;
import org.jointworks.projects.ProjectService;
import org.jointworks.projects.ProjectStatus;
import org.jointworks.reports.MonthlyReport;
import org.jointworks.reports.ReportService;
import org.jointworks.system.JointWorksUser;
import org.jointworks.system.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The sample programme's inspections and monthly reports up to 2023-07-15, deterministic: spot
 * checks and patrols with findings (most rectified on time, some late, one still open), the
 * counties' mid-year self-assessments (Fengqiu late, Yuanyang missing), acceptance and hand-over
 * of the first finished projects, a warranty visit, complaints; reports February to June (Huixian's
 * June missing, Muye's April corrected, Yuanyang's June unapproved, the slow counties late).
 * Every record is written on its own day through {@link BusinessClock#replay}; findings are
 * closed later through the rectification, as a county would; quality records only for projects
 * in the matching state.
 */
final class SampleRecords {
  private static final Set<String> SLOW = Set.of("weihui", "fengqiu", "huixian");

  private SampleRecords() {}

  static void inspections(List<Project> projects, ProjectService projectService,
      InspectionService service, BusinessClock clock) {
    var districts = new TreeSet<String>();
    projects.forEach(p -> districts.add(p.district()));
    boolean leftOpen = false;
    for (String d : districts) {
      SplittableRandom r = new SplittableRandom(d.hashCode());
      List<Project> started = projects.stream().filter(p -> p.district().equals(d)
          && p.statusOn(LocalDate.of(2023, 5, 31)).reached(ProjectStatus.STARTED)).toList();
      for (int i = 0; i < Math.min(2, started.size()); i++) {
        Project p = started.get(r.nextInt(started.size()));
        LocalDate on = LocalDate.of(2023, 5, 8).plusDays(r.nextInt(20));
        var state = p.statusOn(on);
        if (state != ProjectStatus.STARTED && state != ProjectStatus.COMPLETED) {
          continue;
        }
        int findings = r.nextInt(4);
        LocalDate due = on.plusDays(15);
        LocalDate fixed = null;
        if (findings > 0) {
          fixed = SLOW.contains(d) ? due.plusDays(3 + r.nextInt(10)) : due.minusDays(r.nextInt(6));
          if (!leftOpen && d.equals("weihui")) {
            fixed = null;
            leftOpen = true;
          }
        }
        record(service, clock, new InspectionInput(null, p.id(), "spot_check", on,
            "市百城办质量安全抽检组",
            findings == 0 ? "未发现问题" : "燃气管道焊口防腐不到位、临时用电不规范等 " + findings + " 项",
            findings, null, findings == 0 ? null : due, null, null), fixed, "已按要求整改并复查");
      }
      LocalDate patrol = LocalDate.of(2023, 6, 1).plusDays(r.nextInt(20));
      record(service, clock, new InspectionInput(d, null, "patrol", patrol, "县住建局巡查组",
          "施工围挡与扬尘治理巡查", 1, null, patrol.plusDays(7), null, null),
          SLOW.contains(d) ? patrol.plusDays(12) : patrol.plusDays(5), "围挡已修复，覆盖到位");
      if (!d.equals("yuanyang")) {
        LocalDate self = d.equals("fengqiu") ? LocalDate.of(2023, 7, 5)
            : LocalDate.of(2023, 6, 20).plusDays(r.nextInt(10));
        record(service, clock, new InspectionInput(d, null, "self_assessment", self,
            "县（市、区）自查自评组", "年中自查自评", 0, null, null, null, null), null, null);
      }
    }
    for (String d : List.of("weibin", "muye", "changyuan")) {
      projects.stream().filter(p -> p.district().equals(d)
          && p.status().reached(ProjectStatus.STARTED)).findFirst().ifPresent(p ->
          record(service, clock, new InspectionInput(null, p.id(), "complaint",
              LocalDate.of(2023, 6, 12), "12345 市民热线", "夜间施工噪声扰民", 1, null,
              LocalDate.of(2023, 6, 19), null, null), LocalDate.of(2023, 6, 15),
              "已调整施工时间为 7:00–20:00，并回访投诉人"));
    }
    List<Project> done = projects.stream().filter(p -> p.status() == ProjectStatus.COMPLETED)
        .sorted((a, b) -> a.reachedOn(ProjectStatus.COMPLETED).orElseThrow()
            .compareTo(b.reachedOn(ProjectStatus.COMPLETED).orElseThrow())).toList();
    for (int i = 0; i < Math.min(2, done.size()); i++) {
      Project p = done.get(i);
      LocalDate accept = p.reachedOn(ProjectStatus.COMPLETED).orElseThrow().plusDays(7);
      if (accept.isAfter(SampleProjects.AS_OF) || service.openFindings(p.id(), accept) > 0) {
        continue;
      }
      long id = p.id();
      long v0 = p.version();
      p = clock.replay(accept, () -> {
        service.record(new InspectionInput(null, id, "acceptance", null,
            "建设、监理、街道、居民代表联合验收", "竣工验收", 0, "passed", null, null, null));
        return projectService.transition(id, v0, "accepted", "联合验收合格");
      });
      if (i == 0 && !accept.plusDays(5).isAfter(SampleProjects.AS_OF)) {
        long v1 = p.version();
        p = clock.replay(accept.plusDays(5), () -> {
          service.record(new InspectionInput(null, id, "hand_over", null, "小区物业服务企业",
              "移交小区物业服务企业，签订移交协议", 0, null, null, null, null));
          return projectService.transition(id, v1, "handed_over", "移交小区物业服务企业");
        });
        if (!accept.plusDays(10).isAfter(SampleProjects.AS_OF)) {
          clock.replay(accept.plusDays(10), () -> service.record(new InspectionInput(null, id,
              "warranty_visit", null, "施工单位质保回访", "雨后回访屋面防水", 0, null, null, null,
              null)));
        }
      }
    }
  }

  /** Records an inspection on its day and, if {@code fixed}, closes its findings that day. */
  private static void record(InspectionService service, BusinessClock clock,
      InspectionInput in, LocalDate fixed, String note) {
    Inspection x = clock.replay(in.inspectedOn(), () -> service.record(in));
    if (fixed != null && !fixed.isAfter(SampleProjects.AS_OF)) {
      clock.replay(fixed, () -> service.rectify(x.id(), x.version(), false, null, note, null));
    }
  }

  static void reports(Set<String> districtCodes, List<Project> projects, ReportService service,
      BusinessClock clock) {
    for (String d : new TreeSet<>(districtCodes)) {
      List<Project> mine = projects.stream().filter(p -> p.district().equals(d)).toList();
      if (mine.isEmpty()) {
        continue;
      }
      SplittableRandom r = new SplittableRandom(31L * d.hashCode() + 7);
      for (int m = 2; m <= 6; m++) {
        YearMonth period = YearMonth.of(2023, m);
        if (d.equals("huixian") && m == 6) {
          continue;
        }
        LocalDate end = period.atEndOfMonth();
        long started = mine.stream().filter(p -> p.statusOn(end).reached(ProjectStatus.STARTED))
            .count();
        List<Project> completed = mine.stream()
            .filter(p -> p.statusOn(end).reached(ProjectStatus.COMPLETED)).toList();
        long households = completed.stream().mapToLong(Project::households).sum();
        double progressShare = Math.min(1, (m - 2) * 0.18 + 0.1);
        double invested = mine.stream().filter(p -> p.statusOn(end).reached(ProjectStatus.STARTED))
            .mapToDouble(p -> p.budgetYuan() * progressShare).sum();
        LocalDate due = period.plusMonths(1).atDay(10);
        boolean late = SLOW.contains(d) ? r.nextDouble() < 0.5 : r.nextDouble() < 0.08;
        LocalDate on = late ? due.plusDays(1 + r.nextInt(8)) : due.minusDays(1 + r.nextInt(6));
        String reporter = SampleProjects.districtName(d) + "百城办信息员";
        MonthlyReport submitted = clock.replay(on, () -> service.submit(
            new ReportService.ReportInput(d, period.toString(), null, null, started,
                (long) completed.size(), households, Math.round(invested) * 1.0, null, null,
                reporter, null)));
        MonthlyReport rep = submitted;
        LocalDate last = on;
        if (d.equals("muye") && m == 4) {
          last = on.plusDays(2);
          rep = clock.replay(last, () -> service.correct(submitted.id(), submitted.version(),
              false, new ReportService.ReportInput(null, null, null, null, started,
                  (long) completed.size(), households, Math.round(invested * 0.95) * 1.0,
                  "更正：投资完成额重复统计", null)));
        }
        if (d.equals("yuanyang") && m == 6) {
          continue;
        }
        LocalDate approve = last.plusDays(1 + r.nextInt(3));
        if (!approve.isAfter(SampleProjects.AS_OF)) {
          MonthlyReport toApprove = rep;
          asCountyLeader(d, () -> clock.replay(approve, () -> service.decide(toApprove.id(),
              toApprove.version(), false, "approved", null)));
        }
      }
    }
  }

  /** Runs {@code work} as the county's own leader: only it approves the county's reports. */
  private static void asCountyLeader(String district, Runnable work) {
    var context = SecurityContextHolder.getContext();
    var outer = context.getAuthentication();
    var leader = new JointWorksUser(district + "_leader", "", true, Role.COUNTY_LEADER, null,
        district);
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(leader, null,
        leader.getAuthorities()));
    try {
      work.run();
    } finally {
      context.setAuthentication(outer);
    }
  }
}
