/**
 * Works permits: the lifecycle of a work with the city's road-works authority (draft, submitted,
 * approved or refused, in progress, completed; withdrawn, cancelled), the record of every step,
 * the authority's overrides and moratorium exceptions, collaborations (shared trenches with a
 * primary and a secondary promoter), and the rule that keeps a utility from setting a work's
 * status through the layer writes. Modelled on UK Street Manager's permits
 * (docs/permits.md).
 */
package org.jointworks.permits;
