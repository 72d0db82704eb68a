package org.jointworks.projects;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL of projects and their child rows (content, funding, findings, consent, transitions),
 * with named parameters only. Reads of many projects take one query per table, not per project.
 * Thread-safe.
 */
@Repository
public class ProjectRepository {
  private static final String COLUMNS = "id, version, programme_year, community_id, district,"
      + " name, households, buildings, floor_area_m2, budget_yuan, safeguards, construction_unit,"
      + " supervising_unit, responsible_person, status, in_plan, origin";
  private static final String READ_COLUMNS = COLUMNS + ", scheme_changed_on";

  private final NamedParameterJdbcTemplate jdbc;

  ProjectRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Project> find(long id) {
    return load("WHERE id = :id", new MapSqlParameterSource("id", id)).stream().findFirst();
  }

  /** Every project, withdrawn ones too, in district and id order. */
  public List<Project> findAll() {
    return load("", new MapSqlParameterSource());
  }

  public List<Project> findByDistrict(String district) {
    return load("WHERE district = :d", new MapSqlParameterSource("d", district));
  }

  public Optional<Long> idOfCommunity(long communityId, int year) {
    return jdbc.queryForList("SELECT id FROM projects WHERE community_id = :c"
        + " AND programme_year = :y", Map.of("c", communityId, "y", year), Long.class)
        .stream().findFirst();
  }

  long insert(Project p) {
    var keys = new GeneratedKeyHolder();
    jdbc.update("INSERT INTO projects (" + COLUMNS.substring("id, ".length()) + ") VALUES (1,"
        + " :year, :community, :district, :name, :households, :buildings, :area, :budget,"
        + " :safeguards, :construction, :supervising, :person, :status, :inPlan, :origin)",
        core(p), keys, new String[] {"id"});
    long id = keys.getKey().longValue();
    insertChildren(id, p);
    return id;
  }

  /** Replaces the editable fields and the children if still at {@code expectedVersion}. */
  boolean update(long id, long expectedVersion, Project p) {
    int n = jdbc.update("UPDATE projects SET version = version + 1, budget_yuan = :budget,"
        + " safeguards = :safeguards, construction_unit = :construction,"
        + " supervising_unit = :supervising, responsible_person = :person"
        + " WHERE id = :id AND version = :expected",
        core(p).addValue("id", id).addValue("expected", expectedVersion));
    if (n != 1) {
      return false;
    }
    for (String table : List.of("project_items", "project_funding", "project_findings")) {
      jdbc.update("DELETE FROM " + table + " WHERE project_id = :id", Map.of("id", id));
    }
    insertChildren(id, p);
    return true;
  }

  /**
   * Marks a material change of the scheme on {@code day} and, for a project whose consent was
   * collected, sends it back to {@code scheme_drafted}: it needs consent again.
   */
  void schemeChanged(long id, LocalDate day, ProjectStatus status) {
    jdbc.update("UPDATE projects SET scheme_changed_on = :d, status = :s WHERE id = :id",
        Map.of("d", day, "s", status.code(), "id", id));
  }

  boolean updateStatus(long id, long expectedVersion, ProjectStatus status) {
    return jdbc.update("UPDATE projects SET version = version + 1, status = :s"
        + " WHERE id = :id AND version = :expected",
        Map.of("s", status.code(), "id", id, "expected", expectedVersion)) == 1;
  }

  /** Withdraws a project from the plan (an adjustment); moves its version. */
  public boolean withdraw(long id, long expectedVersion) {
    return jdbc.update("UPDATE projects SET version = version + 1, in_plan = FALSE"
        + " WHERE id = :id AND version = :expected AND in_plan = TRUE",
        Map.of("id", id, "expected", expectedVersion)) == 1;
  }

  void insertTransition(long id, Project.Transition t) {
    jdbc.update("INSERT INTO project_transitions (project_id, from_status, to_status,"
        + " effective_on, recorded_at, actor, note, recorded_on, late_reason) VALUES (:p, :from,"
        + " :to, :on, :at, :actor, :note, :recordedOn, :late)", new MapSqlParameterSource("p", id)
            .addValue("recordedOn", t.recordedOn()).addValue("late", t.lateReason())
            .addValue("from", t.from() == null ? null : t.from().code())
            .addValue("to", t.to().code()).addValue("on", t.effectiveOn())
            .addValue("at", Timestamp.from(t.recordedAt())).addValue("actor", t.actor())
            .addValue("note", t.note()));
  }

  void insertConsent(long id, Project.Consent c) {
    jdbc.update("INSERT INTO project_consent (project_id, question, households_consenting,"
        + " households_opposing, collected_on, evidence_ref, recorded_at, actor) VALUES (:p, :q,"
        + " :yes, :no, :on, :ref, :at, :actor)", new MapSqlParameterSource("p", id)
            .addValue("q", c.question().code()).addValue("yes", c.householdsConsenting())
            .addValue("no", c.householdsOpposing()).addValue("on", c.collectedOn())
            .addValue("ref", c.evidenceRef()).addValue("at", Timestamp.from(c.recordedAt()))
            .addValue("actor", c.actor()));
  }

  private void insertChildren(long id, Project p) {
    for (Project.Item i : p.content()) {
      jdbc.update("INSERT INTO project_items (project_id, item_code, note) VALUES (:p, :c, :n)",
          new MapSqlParameterSource("p", id).addValue("c", i.code()).addValue("n", i.note()));
    }
    for (Project.Funding f : p.funding()) {
      jdbc.update("INSERT INTO project_funding (project_id, source, amount_yuan)"
          + " VALUES (:p, :s, :a)", Map.of("p", id, "s", f.source().code(), "a", f.amountYuan()));
    }
    for (Project.Finding f : p.surveyFindings()) {
      jdbc.update("INSERT INTO project_findings (project_id, kind, item_code, description,"
          + " not_in_scheme_reason) VALUES (:p, :k, :c, :d, :r)", new MapSqlParameterSource("p",
              id).addValue("k", f.kind()).addValue("c", f.code())
              .addValue("d", f.description()).addValue("r", f.notInSchemeReason()));
    }
  }

  private static MapSqlParameterSource core(Project p) {
    return new MapSqlParameterSource("year", p.programmeYear())
        .addValue("community", p.communityId()).addValue("district", p.district())
        .addValue("name", p.name()).addValue("households", p.households())
        .addValue("buildings", p.buildings()).addValue("area", p.floorAreaM2())
        .addValue("budget", p.budgetYuan()).addValue("safeguards", p.safeguards())
        .addValue("construction", p.constructionUnit())
        .addValue("supervising", p.supervisingUnit()).addValue("person", p.responsiblePerson())
        .addValue("status", p.status().code()).addValue("inPlan", p.inPlan())
        .addValue("origin", p.origin());
  }

  private List<Project> load(String where, MapSqlParameterSource params) {
    List<Project> heads = jdbc.query("SELECT " + READ_COLUMNS + " FROM projects " + where
        + " ORDER BY district, id", params, (rs, i) -> head(rs));
    if (heads.isEmpty()) {
      return heads;
    }
    // The children of the projects read: all rows when every project is read, otherwise by the
    // heads' ids. Not "IN (SELECT id FROM projects WHERE …)": H2 materialised the subquery's
    // result for every read, the most expensive part of the sample programme's ~2,000
    // single-project reads (docs/programme.md, "Measured").
    String sub;
    if (where.isEmpty()) {
      // Every child row belongs to a project (foreign keys): read them all, no filter.
      sub = null;
    } else {
      sub = ":heads";
      params = new MapSqlParameterSource(params.getValues()).addValue("heads",
          heads.stream().map(Project::id).toList());
    }
    Map<Long, List<Project.Item>> items = new HashMap<>();
    jdbc.query("SELECT project_id, item_code, note FROM project_items" + filter(sub)
        + " ORDER BY project_id, item_code", params, rs -> {
          items.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(new Project.Item(rs.getString(2), rs.getString(3)));
        });
    Map<Long, List<Project.Funding>> funding = new HashMap<>();
    jdbc.query("SELECT project_id, source, amount_yuan FROM project_funding" + filter(sub)
        + " ORDER BY project_id, source", params, rs -> {
          funding.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Project.Funding(
              FundingSource.byCode(rs.getString(2)).orElseThrow(), rs.getDouble(3)));
        });
    Map<Long, List<Project.Finding>> findings = new HashMap<>();
    jdbc.query("SELECT project_id, kind, item_code, description, not_in_scheme_reason"
        + " FROM project_findings" + filter(sub) + " ORDER BY project_id, id",
        params, rs -> {
          findings.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Project.Finding(
              rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        });
    Map<Long, List<Project.Consent>> consent = new HashMap<>();
    jdbc.query("SELECT project_id, question, households_consenting, households_opposing,"
        + " collected_on, evidence_ref, recorded_at, actor FROM project_consent"
        + filter(sub) + " ORDER BY project_id, collected_on, id", params,
        rs -> {
          long no = rs.getLong(4);
          Long opposing = rs.wasNull() ? null : no;
          consent.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Project.Consent(
              ConsentQuestion.byCode(rs.getString(2)).orElseThrow(), rs.getLong(3), opposing,
              rs.getObject(5, LocalDate.class), rs.getString(6), instant(rs, 7),
              rs.getString(8)));
        });
    Map<Long, List<Project.Transition>> transitions = new HashMap<>();
    jdbc.query("SELECT project_id, from_status, to_status, effective_on, recorded_at, actor, note,"
        + " recorded_on, late_reason FROM project_transitions" + filter(sub)
        + " ORDER BY project_id, id", params, rs -> {
          transitions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(new Project.Transition(ProjectStatus.byCode(rs.getString(2)).orElse(null),
                  ProjectStatus.byCode(rs.getString(3)).orElseThrow(),
                  rs.getObject(4, LocalDate.class), instant(rs, 5), rs.getString(6),
                  rs.getString(7), rs.getObject(8, LocalDate.class), rs.getString(9)));
        });
    List<Project> out = new ArrayList<>(heads.size());
    for (Project h : heads) {
      long id = h.id();
      out.add(new Project(id, h.version(), h.programmeYear(), h.communityId(), h.district(),
          h.name(), h.households(), h.buildings(), h.floorAreaM2(), h.budgetYuan(),
          items.getOrDefault(id, List.of()), funding.getOrDefault(id, List.of()),
          h.safeguards(), h.constructionUnit(), h.supervisingUnit(), h.responsiblePerson(),
          findings.getOrDefault(id, List.of()), h.status(), h.inPlan(), h.origin(),
          consent.getOrDefault(id, List.of()), transitions.getOrDefault(id, List.of()),
          h.schemeChangedOn()));
    }
    return out;
  }

  private static String filter(String ids) {
    return ids == null ? "" : " WHERE project_id IN (" + ids + ")";
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Project head(ResultSet rs) throws SQLException {
    return new Project(rs.getLong("id"), rs.getLong("version"), rs.getInt("programme_year"),
        rs.getLong("community_id"), rs.getString("district"), rs.getString("name"),
        rs.getLong("households"), rs.getLong("buildings"), rs.getDouble("floor_area_m2"),
        rs.getDouble("budget_yuan"), List.of(), List.of(), rs.getString("safeguards"),
        rs.getString("construction_unit"), rs.getString("supervising_unit"),
        rs.getString("responsible_person"), List.of(),
        ProjectStatus.byCode(rs.getString("status")).orElseThrow(), rs.getBoolean("in_plan"),
        rs.getString("origin"), List.of(), List.of(),
        rs.getObject("scheme_changed_on", LocalDate.class));
  }
}
