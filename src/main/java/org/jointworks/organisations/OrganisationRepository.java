package org.jointworks.organisations;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Repository;

/** The {@code organisations} table. Thread-safe. */
@Repository
public class OrganisationRepository {
  private final NamedParameterJdbcTemplate jdbc;

  OrganisationRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<Organisation> findAll() {
    return jdbc.query("SELECT id, code, name, utility FROM organisations ORDER BY code", Map.of(),
        (rs, i) -> new Organisation(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4)));
  }

  public boolean exists(String code) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM organisations WHERE code = :c",
        Map.of("c", code), Integer.class);
    return n != null && n > 0;
  }

  public Organisation insert(Organisation o) {
    Map<String, Object> p = new HashMap<>();
    p.put("code", o.code());
    p.put("name", o.name());
    p.put("utility", o.utility());
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update("INSERT INTO organisations (code, name, utility) VALUES (:code, :name, :utility)",
        new MapSqlParameterSource(p), keys, new String[] {"id"});
    return new Organisation(keys.getKey().longValue(), o.code(), o.name(), o.utility());
  }
}
