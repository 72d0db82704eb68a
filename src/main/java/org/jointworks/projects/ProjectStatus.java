package org.jointworks.projects;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The workflow of a project, in order: a project moves one step forward at a time, and the steps
 * to {@link #STARTED} and {@link #ACCEPTED} have gates (consent, a passed acceptance inspection).
 */
public enum ProjectStatus {
  SURVEYED, SCHEME_DRAFTED, CONSENT_COLLECTED, STARTED, COMPLETED, ACCEPTED, HANDED_OVER;

  /** The status as written in JSON and SQL. */
  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Optional<ProjectStatus> next() {
    int i = ordinal() + 1;
    return i < values().length ? Optional.of(values()[i]) : Optional.empty();
  }

  /** Whether this status is {@code other} or later. */
  public boolean reached(ProjectStatus other) {
    return ordinal() >= other.ordinal();
  }

  public static Optional<ProjectStatus> byCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
  }
}
