/**
 * Plan packages (issue 13): the coordinated construction plan of a joint area or a county,
 * stored as an immutable version (its works with the version and dates each had), submitted to
 * the road-works authority and approved or refused as one package. Approving it approves every
 * submitted work it holds through the permits' own approval, all or nothing.
 */
package org.jointworks.planpackages;
