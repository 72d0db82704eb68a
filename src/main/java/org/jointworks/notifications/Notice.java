package org.jointworks.notifications;

import java.util.Map;
import java.util.Set;

/**
 * Something the parties of a work, a collaboration or a comment should hear of. A feature
 * publishes it (Spring's {@code ApplicationEventPublisher}) inside its write's transaction; the
 * {@link Inbox} stores one message per recipient in the same transaction and pushes it to their
 * open streams after the commit, so a rolled-back write tells nobody. Immutable.
 *
 * @param kind a stable code the map translates: {@code permit.requested},
 *     {@code permit.approved}, {@code permit.refused}, {@code conflict.new},
 *     {@code moratorium.hit}, {@code collaboration.proposed}, {@code comment.new} …
 * @param subject what it is about ({@code works}, {@code collaborations}, {@code projects})
 * @param organisations the organisations whose users receive it
 * @param toAuthority whether the road-works authority's users receive it too
 * @param actor the user whose action caused it: never told of their own action
 * @param message an English sentence for logs; the map and the e-mails build their own, in the
 *     reader's language, from kind and args
 * @param counties district codes whose county-scoped users receive it (overdue notices)
 */
public record Notice(String kind, String subject, long subjectId, Set<String> organisations,
    boolean toAuthority, String actor, String message, Map<String, Object> args,
    Set<String> counties) {
  public Notice {
    organisations = Set.copyOf(organisations);
    args = Map.copyOf(args);
    counties = counties == null ? Set.of() : Set.copyOf(counties);
  }

  /** A notice to organisations (and the authority), none to counties. */
  public Notice(String kind, String subject, long subjectId, Set<String> organisations,
      boolean toAuthority, String actor, String message, Map<String, Object> args) {
    this(kind, subject, subjectId, organisations, toAuthority, actor, message, args, Set.of());
  }
}
