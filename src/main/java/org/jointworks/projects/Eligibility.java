package org.jointworks.projects;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jointworks.layers.Feature;
import org.jointworks.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Eligibility (城镇老旧小区, 国办发〔2020〕23号): a project's community must be built by the
 * cut-off ({@link EligibilitySettings}); one outside it needs an exception recorded with its
 * reason, by whom and on which server day ({@code eligibilityException} at creation), else 422
 * {@code eligibility.outside_scope}. A community without a build year is recorded as unknown and
 * shown so, not refused (the communities layer's {@code build_year} is optional). The assessment
 * is stored with the cut-off in force when the project was made. Thread-safe.
 */
@Component
public class Eligibility {
  private final EligibilitySettings settings;
  private final NamedParameterJdbcTemplate jdbc;

  Eligibility(EligibilitySettings settings, NamedParameterJdbcTemplate jdbc) {
    this.settings = settings;
    this.jdbc = jdbc;
  }

  /** The rule as the API shows it. */
  public record Rule(LocalDate builtBefore, String source, String localScope, String basis) {}

  /**
   * A project's assessment.
   *
   * @param eligible null when the build year is unknown
   */
  public record Assessment(Integer buildYear, LocalDate builtBefore, Boolean eligible,
      String exceptionReason, String exceptionBy, LocalDate exceptionOn, String source) {}

  public Rule rule() {
    return new Rule(settings.builtBefore(), settings.source(), settings.localScope(),
        "城镇老旧小区: 建成年代较早、失养失修失管、市政配套设施不完善、社区服务设施不健全; 重点改造"
            + " 2000年底前建成 (国办发〔2020〕23号); each locality sets its own scope");
  }

  /** Assesses {@code community}; refuses one outside the cut-off without an exception. */
  Assessment assess(Feature community, String exceptionReason, String actor, LocalDate today) {
    Object y = community.get("build_year");
    Integer year = y == null ? null : ((Number) y).intValue();
    Boolean eligible = year == null ? null
        : !LocalDate.of(year, 12, 31).isAfter(settings.builtBefore());
    boolean reason = exceptionReason != null && !exceptionReason.isBlank();
    if (reason && exceptionReason.length() > 1000) {
      throw ApiException.unprocessable("the project is not valid",
          List.of("eligibilityException: up to 1000 characters"));
    }
    if (Boolean.FALSE.equals(eligible) && !reason) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "eligibility.outside_scope",
          community.text("name") + " was built in " + year + ", after the cut-off "
              + settings.builtBefore() + " (" + settings.source() + "); a project for it needs"
              + " a recorded exception (eligibilityException: the reason)",
          Map.of("community", community.id(), "buildYear", year,
              "builtBefore", settings.builtBefore().toString(), "source", settings.source()));
    }
    boolean exception = Boolean.FALSE.equals(eligible);
    return new Assessment(year, settings.builtBefore(), eligible,
        exception ? exceptionReason : null, exception ? actor : null,
        exception ? today : null, settings.source());
  }

  void store(long projectId, Assessment a) {
    jdbc.update("INSERT INTO project_eligibility (project_id, build_year, built_before, eligible,"
        + " exception_reason, exception_by, exception_on) VALUES (:p, :y, :b, :e, :r, :by, :on)",
        new MapSqlParameterSource("p", projectId).addValue("y", a.buildYear())
            .addValue("b", a.builtBefore()).addValue("e", a.eligible())
            .addValue("r", a.exceptionReason()).addValue("by", a.exceptionBy())
            .addValue("on", a.exceptionOn()));
  }

  Optional<Assessment> of(long projectId) {
    return all(projectId).values().stream().findFirst();
  }

  /** Every project's assessment, or one project's; projects older than V150 have none. */
  Map<Long, Assessment> all(Long projectId) {
    Map<Long, Assessment> out = new HashMap<>();
    jdbc.query("SELECT project_id, build_year, built_before, eligible, exception_reason,"
        + " exception_by, exception_on FROM project_eligibility"
        + (projectId == null ? "" : " WHERE project_id = :p"),
        new MapSqlParameterSource("p", projectId), rs -> {
          int y = rs.getInt(2);
          Integer year = rs.wasNull() ? null : y;
          boolean e = rs.getBoolean(4);
          Boolean eligible = rs.wasNull() ? null : e;
          LocalDate cut = rs.getObject(3, LocalDate.class);
          out.put(rs.getLong(1), new Assessment(year, cut, eligible, rs.getString(5),
              rs.getString(6), rs.getObject(7, LocalDate.class),
              cut.equals(EligibilitySettings.NATIONAL) ? EligibilitySettings.NATIONAL_SOURCE
                  : "local setting"));
        });
    return out;
  }
}
