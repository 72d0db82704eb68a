/**
 * Utility works coordination over HTTP: conflicts between works in space and time
 * ({@code /api/works/conflicts}, {@code /api/works/check}), pipeline clearances
 * ({@code /api/pipelines/clearance-violations}), the coordinated construction plan of an area
 * ({@code /api/construction-plan}, and {@link org.jointworks.coordination.ConstructionPlanService#plan}
 * for the linked areas), and the citizens' read-only works map ({@code /api/public/works}).
 * The algorithms live in {@link org.jointworks.coordination.engine}; see docs/coordination.md.
 */
package org.jointworks.coordination;
