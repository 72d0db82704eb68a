package org.jointworks.adjustments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An applied adjustment: the county, the day filed, why, the county government's approval and the
 * three departments' filing references, the projects withdrawn and added, and the plan's metrics
 * before and after as JSON. Immutable.
 */
public record Adjustment(long id, String district, int programmeYear, LocalDate filedOn,
    String reason, String countyApprovalRef, String housingFilingRef,
    String developmentFilingRef, String financeFilingRef, List<Long> withdrawnProjects,
    List<Long> addedProjects, String beforeJson, String afterJson, Instant recordedAt,
    String actor) {}
