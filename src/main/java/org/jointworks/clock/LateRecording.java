package org.jointworks.clock;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jointworks.system.ApiException;
import org.jointworks.system.JointWorksUser;
import org.jointworks.system.Role;
import org.springframework.http.HttpStatus;

/**
 * The rule for dates a client sends: the server's date is the record's date. A client may send
 * the date only if it is today (harmless); an earlier day is a late record on someone's behalf,
 * which only an ADMIN makes, with a reason; both dates are kept and the record shows as late.
 * Stateless.
 *
 * @param effectiveOn the day the thing happened (today, or the ADMIN's earlier day)
 * @param recordedOn the server's day of recording
 * @param lateReason why it is recorded late; null for an ordinary record
 */
public record LateRecording(LocalDate effectiveOn, LocalDate recordedOn, String lateReason) {

  public boolean late() {
    return lateReason != null;
  }

  /**
   * The dates of a record whose client named {@code claimed} (may be null) in {@code field},
   * with {@code lateReason} (may be null).
   */
  public static LateRecording of(BusinessClock clock, String field, LocalDate claimed,
      String lateReason) {
    LocalDate today = clock.today();
    if (claimed == null || claimed.equals(today)) {
      if (lateReason != null && !lateReason.isBlank()) {
        throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "clock.late_without_date",
            "lateReason goes with an earlier " + field + "; without one the record is today's",
            Map.of("field", field));
      }
      return new LateRecording(today, today, null);
    }
    if (claimed.isAfter(today)) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "clock.future",
          field + ": " + claimed + " is after today (" + today + ") by the server's clock",
          Map.of("field", field, "claimed", claimed.toString(), "today", today.toString()));
    }
    boolean admin = JointWorksUser.current().map(u -> u.role() == Role.ADMIN).orElse(false);
    if (!admin || lateReason == null || lateReason.isBlank()) {
      throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "clock.client_date",
          field + ": dates are the server's (today is " + today + "); leave " + field
              + " out. Recording " + claimed + " late on someone's behalf is an ADMIN action"
              + " with a lateReason",
          Map.of("field", field, "claimed", claimed.toString(), "today", today.toString()));
    }
    if (lateReason.length() > 500) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "validation.failed",
          "the record is not valid", Map.of(), List.of("lateReason: up to 500 characters"), null);
    }
    return new LateRecording(claimed, today, lateReason.strip());
  }
}
