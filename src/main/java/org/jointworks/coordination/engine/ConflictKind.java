package org.jointworks.coordination.engine;

/** Why two works close in space conflict in time. */
public enum ConflictKind {
  /** Their date ranges overlap or lie within gapDays: dig them together. */
  SAME_WINDOW("same_window"),
  /** The later starts within the moratorium after the earlier ends: a re-dig of a new surface. */
  MORATORIUM("moratorium");

  private final String code;

  ConflictKind(String code) {
    this.code = code;
  }

  /** The name in the API. */
  public String code() {
    return code;
  }

  /**
   * The time rule of the issue, on epoch days. {@code moratoriumEndA} is A's end date plus the
   * moratorium in calendar years ({@code LocalDate.plusYears}, so 29 February ends on 28 February).
   *
   * @return the kind, or null when the two do not conflict in time
   */
  public static ConflictKind classify(long startA, long endA, long moratoriumEndA, long startB,
      long endB, long moratoriumEndB, int gapDays) {
    if (startA <= endB + gapDays && startB <= endA + gapDays) {
      return SAME_WINDOW;
    }
    // Not in one window, so one range lies wholly before the other by more than gapDays.
    if (endA < startB) {
      return startB < moratoriumEndA ? MORATORIUM : null;
    }
    return startA < moratoriumEndB ? MORATORIUM : null;
  }
}
