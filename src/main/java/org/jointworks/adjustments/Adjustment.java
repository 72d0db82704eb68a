package org.jointworks.adjustments;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An adjustment: the county, the day filed, why, the county government's approval and the three
 * departments' filing references, the plan's metrics before and after as JSON (written into the
 * answer as JSON, not as text), and the city office's decision. {@code filedOn} is the server's
 * day, or an ADMIN's earlier day recorded late with {@code lateReason} (then {@code recordedAt}
 * tells when); {@code actor} filed it. {@code status} is {@code filed} (nothing changed yet),
 * {@code approved} (applied: the projects withdrawn and added are listed) or {@code refused};
 * a decided adjustment never changes again. Immutable.
 */
public record Adjustment(long id, String district, int programmeYear, LocalDate filedOn,
    String reason, String countyApprovalRef, String housingFilingRef,
    String developmentFilingRef, String financeFilingRef, List<Long> withdrawnProjects,
    List<Long> addedProjects, @JsonRawValue String beforeJson, @JsonRawValue String afterJson,
    Instant recordedAt, String actor, String lateReason, String status, LocalDate decidedOn,
    String decidedBy, String decisionReason) {
  public static final String FILED = "filed";
  public static final String APPROVED = "approved";
  public static final String REFUSED = "refused";
}
