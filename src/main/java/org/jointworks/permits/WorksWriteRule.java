package org.jointworks.permits;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Layer;
import org.jointworks.layers.LayerWriteRule;
import org.jointworks.organisations.Organisation;
import org.jointworks.organisations.OrganisationRepository;
import org.jointworks.system.ApiException;
import org.jointworks.system.JointWorksUser;
import org.jointworks.system.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The permit's rule on every layer write of a work (single edits, imports, OGC API Part 4, file
 * imports): a work's status moves only through the permit steps ({@link Step}).
 *
 * <ul>
 *   <li>A new work is a {@code draft}: no status, or {@code draft}, is accepted and stored as
 *       {@code draft}; any other status is refused ({@code works.status_by_permit}, 403).</li>
 *   <li>An edit keeps the status and is possible only while the application is open
 *       ({@link Step#EDITABLE}: draft, submitted, refused; {@code works.locked}, 409).</li>
 *   <li>Only drafts are deleted; the rest are withdrawn or cancelled, so the register keeps
 *       them.</li>
 *   <li>A utility's work is of its own company's utility ({@code works.utility_not_yours}, 403):
 *       the gas company does not apply for water mains. The owner rule is
 *       {@code LayerAccess}'s.</li>
 * </ul>
 *
 * <p>ADMIN is the data administrator: its writes (and the start-up load of the sample city) may
 * carry any status, to load a city's existing register; they are audited like every write
 * (decision 32). Thread-safe: the organisation cache is a concurrent map refilled on a miss
 * (organisations are only ever added).
 */
@Component
class WorksWriteRule implements LayerWriteRule {
  /** The columns' width (migration V85). */
  private static final int MAX_TEXT = 200;
  private final OrganisationRepository organisations;
  private final Map<String, String> utilityOf = new ConcurrentHashMap<>();

  WorksWriteRule(OrganisationRepository organisations) {
    this.organisations = organisations;
  }

  @Override
  public Feature check(Layer layer, JointWorksUser user, Feature before, Feature after) {
    if (layer != Layer.WORKS) {
      return after;
    }
    boolean admin = user.role() == Role.ADMIN;
    if (after == null) {
      if (!admin && !"draft".equals(before.text("status"))) {
        throw locked(before, "deleted; withdraw or cancel it instead");
      }
      return null;
    }
    if (user.role() == Role.UTILITY) {
      checkUtility(user, after);
    }
    for (String field : new String[] {"street", "contact"}) {
      String v = after.text(field);
      if (v != null && v.length() > MAX_TEXT) {
        throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "works.text_too_long",
            field + " has at most " + MAX_TEXT + " characters", Map.of("field", field,
                "max", MAX_TEXT));
      }
    }
    String asked = after.text("status");
    if (before == null) {
      if (asked == null || (!admin && !"draft".equals(asked))) {
        if (asked != null) {
          throw statusByPermit(asked);
        }
        return withStatus(after, "draft");
      }
      return after;
    }
    String current = before.text("status");
    if (admin) {
      return asked == null ? withStatus(after, current) : after;
    }
    if (!Step.EDITABLE.contains(current)) {
      throw locked(before, "changed");
    }
    if (asked != null && !asked.equals(current)) {
      throw statusByPermit(asked);
    }
    return asked == null ? withStatus(after, current) : after;
  }

  private void checkUtility(JointWorksUser user, Feature work) {
    String own = utilityOf(user.organisation());
    if (!Objects.equals(own, work.text("utility"))) {
      throw ApiException.of(HttpStatus.FORBIDDEN, "works.utility_not_yours",
          "your organisation '" + user.organisation() + "' applies for " + own
              + " works only, not for " + work.text("utility"),
          argsOf("organisation", user.organisation(), "utility", work.text("utility"),
              "own", own));
    }
  }

  private String utilityOf(String organisation) {
    if (organisation == null) {
      return null;
    }
    String u = utilityOf.get(organisation);
    if (u == null) {
      for (Organisation o : organisations.findAll()) {
        if (o.utility() != null) {
          utilityOf.put(o.code(), o.utility());
        }
      }
      u = utilityOf.get(organisation);
    }
    return u;
  }

  private static Feature withStatus(Feature f, String status) {
    Map<String, Object> props = new HashMap<>(f.properties());
    props.put("status", status);
    return new Feature(f.id(), f.version(), f.geometry(), props);
  }

  static ApiException statusByPermit(String asked) {
    return ApiException.of(HttpStatus.FORBIDDEN, "works.status_by_permit",
        "a work's status '" + asked + "' is reached through its permit steps (submit, approve,"
            + " start …), not by writing the work; new works are drafts",
        Map.of("status", asked));
  }

  private static ApiException locked(Feature work, String what) {
    return ApiException.of(HttpStatus.CONFLICT, "works.locked",
        "work " + work.id() + " is " + work.text("status") + " and can no longer be " + what,
        Map.of("id", work.id(), "status", work.text("status")));
  }

  /** Arguments that may be null (a utility organisation of no utility). */
  private static Map<String, Object> argsOf(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1] == null ? "" : kv[i + 1]);
    }
    return m;
  }
}
