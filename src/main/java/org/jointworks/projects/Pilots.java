package org.jointworks.projects;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jointworks.clock.BusinessClock;
import org.jointworks.system.ApiException;
import org.jointworks.system.Audit;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * 完整社区 pilots (the plan's 四(二): 开展完整社区建设试点，以城市体检结果为基础，补齐设施和服务短板，
 * 打造一批完整社区样板). A county designates one of its projects as a complete-community pilot,
 * on the server's day, with a note; a pilot builds on the health-check results, so a project
 * without survey findings is refused (409 {@code pilot.no_survey}). The plan names no number of
 * pilots: the count is what the counties designated. Audited. Thread-safe.
 */
@Service
public class Pilots {
  private final NamedParameterJdbcTemplate jdbc;
  private final ProjectRepository projects;
  private final BusinessClock clock;
  private final Audit audit;
  private final ObjectMapper json;

  Pilots(NamedParameterJdbcTemplate jdbc, ProjectRepository projects, BusinessClock clock,
      Audit audit, ObjectMapper json) {
    this.jdbc = jdbc;
    this.projects = projects;
    this.clock = clock;
    this.audit = audit;
    this.json = json;
  }

  /** One designation. */
  public record Pilot(long projectId, String district, String name, String note,
      String designatedBy, LocalDate designatedOn) {}

  public record PilotInput(String note) {}

  @Transactional
  public Pilot designate(long projectId, PilotInput in) {
    Project p = projects.find(projectId)
        .orElseThrow(() -> ApiException.notFound("project " + projectId));
    CountyScope.check(p.district());
    if (in == null || in.note() == null || in.note().isBlank() || in.note().length() > 1000) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "pilot.note",
          "say what the pilot completes (note, up to 1000 characters)", Map.of());
    }
    if (!p.inPlan()) {
      throw ApiException.of(HttpStatus.CONFLICT, "project.withdrawn", "project " + projectId
          + " was withdrawn from the plan by an adjustment", Map.of("project", projectId));
    }
    if (p.surveyFindings().isEmpty()) {
      throw ApiException.of(HttpStatus.CONFLICT, "pilot.no_survey", "project " + projectId
          + " has no survey findings; a complete-community pilot builds on the health-check"
          + " results (以城市体检结果为基础)", Map.of("project", projectId));
    }
    if (all().containsKey(projectId)) {
      throw ApiException.of(HttpStatus.CONFLICT, "pilot.already", "project " + projectId
          + " is a pilot already", Map.of("project", projectId));
    }
    jdbc.update("INSERT INTO complete_community_pilots (project_id, note, designated_by,"
        + " designated_on, recorded_at) VALUES (:p, :n, :by, :on, :at)",
        new MapSqlParameterSource("p", projectId).addValue("n", in.note())
            .addValue("by", Audit.currentActor()).addValue("on", clock.today())
            .addValue("at", Timestamp.from(clock.now())));
    Pilot stored = all().get(projectId);
    audit.record("pilot", "projects", projectId, null, json.writeValueAsString(stored));
    return stored;
  }

  /** Whether the project is a pilot (one row by key: the project view asks for every project). */
  public boolean isPilot(long projectId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM complete_community_pilots"
        + " WHERE project_id = :p", Map.of("p", projectId), Long.class) > 0;
  }

  /** Every pilot by project id. */
  @Transactional(readOnly = true)
  public Map<Long, Pilot> all() {
    return query(false);
  }

  /** The pilots of projects still in the plan, in district order. */
  @Transactional(readOnly = true)
  public List<Pilot> inPlan() {
    return List.copyOf(query(true).values());
  }

  private Map<Long, Pilot> query(boolean onlyInPlan) {
    Map<Long, Pilot> out = new java.util.LinkedHashMap<>();
    jdbc.query("SELECT c.project_id, p.district, p.name, c.note, c.designated_by,"
        + " c.designated_on FROM complete_community_pilots c JOIN projects p"
        + " ON p.id = c.project_id" + (onlyInPlan ? " WHERE p.in_plan = TRUE" : "")
        + " ORDER BY p.district, c.project_id", Map.of(), rs -> {
          out.put(rs.getLong(1), new Pilot(rs.getLong(1), rs.getString(2), rs.getString(3),
              rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class)));
        });
    return out;
  }
}
