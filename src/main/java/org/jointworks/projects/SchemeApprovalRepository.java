package org.jointworks.projects;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The SQL of scheme approvals, with named parameters only. Thread-safe. */
@Repository
class SchemeApprovalRepository {
  private final NamedParameterJdbcTemplate jdbc;
  private final ObjectMapper json;

  SchemeApprovalRepository(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  long insert(SchemeApproval a) {
    var keys = new GeneratedKeyHolder();
    jdbc.update("INSERT INTO scheme_approvals (project_id, project_version, kind, content_codes,"
        + " budget_yuan, omissions, reference, note, approved_by, approved_on, recorded_at)"
        + " VALUES (:p, :v, :k, :c, :b, :o, :r, :n, :by, :on, :at)",
        new MapSqlParameterSource("p", a.projectId()).addValue("v", a.projectVersion())
            .addValue("k", a.kind()).addValue("c", String.join(",", a.contentCodes()))
            .addValue("b", a.budgetYuan()).addValue("o", json.writeValueAsString(a.omissions()))
            .addValue("r", a.reference()).addValue("n", a.note())
            .addValue("by", a.approvedBy()).addValue("on", a.approvedOn())
            .addValue("at", Timestamp.from(a.recordedAt())), keys, new String[] {"id"});
    return keys.getKey().longValue();
  }

  /** The project's approvals in the order they were given. */
  List<SchemeApproval> ofProject(long projectId) {
    return jdbc.query("SELECT id, project_id, project_version, kind, content_codes, budget_yuan,"
        + " omissions, reference, note, approved_by, approved_on, recorded_at"
        + " FROM scheme_approvals WHERE project_id = :p ORDER BY id", Map.of("p", projectId),
        (rs, i) -> new SchemeApproval(rs.getLong(1), rs.getLong(2), rs.getLong(3),
            rs.getString(4), rs.getString(5).isEmpty() ? List.of()
                : Arrays.asList(rs.getString(5).split(",")), rs.getDouble(6),
            rs.getString(7) == null ? List.of() : json.readValue(rs.getString(7),
                new TypeReference<List<SchemeApproval.Omission>>() {}),
            rs.getString(8), rs.getString(9), rs.getString(10),
            rs.getObject(11, LocalDate.class), rs.getTimestamp(12).toInstant()));
  }
}
