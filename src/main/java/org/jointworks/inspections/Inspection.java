package org.jointworks.inspections;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * One inspection or quality record. {@code findingCount} problems were found; when there are any,
 * they are due for rectification by {@code rectificationDue} and closed by {@code rectifiedOn}.
 * A complaint is a record with one finding (the complaint) whose rectification is its handling.
 * Immutable.
 *
 * @param projectId the project inspected; null for a county-wide record (self-assessment, patrol)
 * @param outcome {@code passed} or {@code failed} for an acceptance; null otherwise
 */
public record Inspection(long id, long version, String district, Long projectId, Kind kind,
    LocalDate inspectedOn, String inspector, String description, int findingCount,
    String outcome, LocalDate rectificationDue, LocalDate rectifiedOn,
    String rectificationNote, Instant recordedAt, String actor) {

  /**
   * The kinds of record the plan names; {@code hand_over} is the hand-over record (移交: who took
   * the community over, with the document) that the step to handed_over needs.
   */
  public enum Kind {
    SPOT_CHECK, PATROL, ACCEPTANCE, WARRANTY_VISIT, COMPLAINT, SELF_ASSESSMENT, HAND_OVER;

    @JsonValue
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Kind> byCode(String code) {
      return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }
  }

  /** Whether its findings were still open, or closed after their due day, on {@code day}. */
  public boolean rectifiedLate(LocalDate day) {
    if (findingCount == 0 || rectificationDue == null) {
      return false;
    }
    LocalDate closed = rectifiedOn != null && !rectifiedOn.isAfter(day) ? rectifiedOn : null;
    return closed == null ? day.isAfter(rectificationDue) : closed.isAfter(rectificationDue);
  }

  public boolean open(LocalDate day) {
    return findingCount > 0 && (rectifiedOn == null || rectifiedOn.isAfter(day));
  }
}
