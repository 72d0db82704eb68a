package org.jointworks.projects;

import java.util.List;
import java.util.Map;
import org.jointworks.system.ApiException;
import org.jointworks.system.JointWorksUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 城市体检 project list over HTTP: {@code GET /api/health-check/projects?district=&format=}
 * with {@code format} {@code json} (default), {@code csv} or {@code xlsx}; city-wide or one
 * county. A county officer or leader reads its own county only (403
 * {@code programme.other_county} otherwise, also for the city-wide list); the city roles read
 * any. HTTP only: the lines come from {@link HealthCheckList}.
 */
@RestController
class HealthCheckController {
  static final MediaType XLSX = MediaType.parseMediaType(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private final ProjectService projects;
  private final Catalogue catalogue;
  private final Pilots pilots;
  private final ProgrammeProperties settings;

  HealthCheckController(ProjectService projects, Catalogue catalogue, Pilots pilots,
      ProgrammeProperties settings) {
    this.projects = projects;
    this.catalogue = catalogue;
    this.pilots = pilots;
    this.settings = settings;
  }

  @GetMapping("/api/health-check/projects")
  @Transactional(readOnly = true)
  ResponseEntity<?> list(@RequestParam(required = false) String district,
      @RequestParam(defaultValue = "json") String format,
      @RequestParam(required = false) Integer year) {
    var user = JointWorksUser.current().orElseThrow();
    if (user.role().countyScoped()) {
      if (district == null) {
        throw ApiException.of(HttpStatus.FORBIDDEN, "programme.other_county", user.getUsername()
            + " acts for " + user.county() + " and reads that county's list only"
            + " (district=" + user.county() + ")",
            Map.of("county", user.county(), "district", "all"));
      }
      CountyScope.check(district);
    }
    if (!List.of("json", "csv", "xlsx").contains(format)) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "healthcheck.format",
          "format is json, csv or xlsx", Map.of("format", format));
    }
    int y = year == null ? settings.year() : year;
    var scoped = projects.all().stream().filter(p -> p.programmeYear() == y)
        .filter(p -> district == null || p.district().equals(district)).toList();
    var lines = HealthCheckList.lines(scoped, catalogue, pilots.all().keySet());
    String name = "health-check-" + y + (district == null ? "-city" : "-" + district);
    return switch (format) {
      case "csv" -> ResponseEntity.ok()
          .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
          .body(HealthCheckList.csv(lines));
      case "xlsx" -> ResponseEntity.ok().contentType(XLSX)
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".xlsx\"")
          .body(HealthCheckList.xlsx(lines));
      default -> ResponseEntity.ok(Map.of("programmeYear", y, "district",
          district == null ? "all" : district, "count", lines.size(), "lines", lines,
          "source", "survey findings (摸底排查, plan 三(二))"));
    };
  }
}
