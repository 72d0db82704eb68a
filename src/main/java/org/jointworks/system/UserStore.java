package org.jointworks.system;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The users of the service, in {@code app_users}, with hashed passwords. Thread-safe. */
@Component
public class UserStore implements UserDetailsService {
  private final NamedParameterJdbcTemplate jdbc;
  private final PasswordEncoder encoder;

  UserStore(NamedParameterJdbcTemplate jdbc, PasswordEncoder encoder) {
    this.jdbc = jdbc;
    this.encoder = encoder;
  }

  @Override
  public JointWorksUser loadUserByUsername(String username) {
    List<JointWorksUser> found = jdbc.query(
        "SELECT username, password_hash, role, organisation, enabled, county FROM app_users"
            + " WHERE username = :u",
        Map.of("u", username),
        (rs, i) -> new JointWorksUser(rs.getString(1), rs.getString(2), rs.getBoolean(5),
            Role.valueOf(rs.getString(3)), rs.getString(4), rs.getString(6)));
    if (found.isEmpty()) {
      throw new UsernameNotFoundException("no such user");
    }
    return found.get(0);
  }

  /** Creates the user unless one of that name exists; returns whether it was created. */
  @Transactional
  public boolean createIfAbsent(String username, String rawPassword, Role role, String organisation) {
    return createIfAbsent(username, rawPassword, role, organisation, null);
  }

  /** The same, with the county (a district code) a county officer or leader acts for. */
  @Transactional
  public boolean createIfAbsent(String username, String rawPassword, Role role,
      String organisation, String county) {
    if (role == Role.UTILITY && organisation == null) {
      throw new IllegalArgumentException("a utility user needs an organisation");
    }
    if (role.countyScoped() != (county != null)) {
      throw new IllegalArgumentException("a county officer or leader, and only they, has a county");
    }
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM app_users WHERE username = :u",
        Map.of("u", username), Integer.class);
    if (n != null && n > 0) {
      return false;
    }
    var params = new java.util.HashMap<String, Object>();
    params.put("u", username);
    params.put("p", encoder.encode(rawPassword));
    params.put("r", role.name());
    params.put("o", organisation);
    params.put("c", county);
    jdbc.update("INSERT INTO app_users (username, password_hash, role, organisation, enabled,"
        + " county) VALUES (:u, :p, :r, :o, TRUE, :c)", params);
    return true;
  }
}
