package org.jointworks.permits;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The steps of a work's permit, each from the statuses it may leave to the one it reaches, and
 * who may take it. This enum is the lifecycle's one place (docs/permits.md):
 *
 * <pre>
 * draft ──submit──▶ submitted ──approve──▶ approved ──start──▶ in_progress ──complete──▶ completed
 *   ▲                  │  └──refuse──▶ refused ──submit (after a change)──▶ submitted
 *   └ (layer writes)   └ withdraw (also from draft, refused) ──▶ withdrawn
 *                                      approved ──cancel──▶ cancelled
 * </pre>
 *
 * <p>Only the authority approves and refuses; the promoter (the utility owning the work, or an
 * administrator acting for it) submits, starts, completes and withdraws; either may cancel a
 * granted permit that will not be used. Immutable.
 */
enum Step {
  SUBMIT(Set.of("draft", "refused"), "submitted", Actor.PROMOTER, false),
  APPROVE(Set.of("submitted"), "approved", Actor.AUTHORITY, false),
  REFUSE(Set.of("submitted"), "refused", Actor.AUTHORITY, true),
  START(Set.of("approved"), "in_progress", Actor.PROMOTER, false),
  COMPLETE(Set.of("in_progress"), "completed", Actor.PROMOTER, false),
  WITHDRAW(Set.of("draft", "submitted", "refused"), "withdrawn", Actor.PROMOTER, false),
  CANCEL(Set.of("approved"), "cancelled", Actor.EITHER, false);

  /** Who may take a step. */
  enum Actor { PROMOTER, AUTHORITY, EITHER }

  private final Set<String> from;
  private final String to;
  private final Actor actor;
  private final boolean reasonRequired;

  Step(Set<String> from, String to, Actor actor, boolean reasonRequired) {
    this.from = from;
    this.to = to;
    this.actor = actor;
    this.reasonRequired = reasonRequired;
  }

  /** The step's name in URLs and in the register ({@code submit}, {@code approve} …). */
  String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  Set<String> from() {
    return from;
  }

  String to() {
    return to;
  }

  Actor actor() {
    return actor;
  }

  /** A refusal says why (Street Manager's refusal reasons), as the authority's cancel does. */
  boolean reasonRequired() {
    return reasonRequired;
  }

  static Optional<Step> byCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
  }

  /** The statuses in which the promoter may still edit the work through the layer writes. */
  static final Set<String> EDITABLE = Set.of("draft", "submitted", "refused");
}
