/**
 * Renovation projects of the programme: one per community in the plan, with the content from the
 * catalogue, budget and funding, the units and person responsible, survey findings, consent and
 * the status workflow with its gates (docs/programme.md).
 */
package org.jointworks.projects;
