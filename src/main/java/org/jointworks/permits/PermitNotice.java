package org.jointworks.permits;

import java.util.Map;
import java.util.Set;

/**
 * Something the parties of a work should hear of, published inside the step's transaction for
 * the notifications feature to deliver (to the users of the named organisations, and to the
 * road-works authority when {@code toAuthority}). Immutable.
 *
 * @param kind a stable code, e.g. {@code permit.submitted}, {@code permit.approved},
 *     {@code conflict.new}, {@code moratorium.hit}, {@code collaboration.proposed}
 * @param subject what it is about ({@code works}, {@code collaborations})
 * @param actor the user whose step caused it (not notified of their own step)
 */
public record PermitNotice(String kind, String subject, long subjectId,
    Set<String> organisations, boolean toAuthority, String actor, String message,
    Map<String, Object> args) {
  public PermitNotice {
    organisations = Set.copyOf(organisations);
    args = Map.copyOf(args);
  }
}
