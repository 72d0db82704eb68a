/**
 * Quality and safety records of the programme (the plan's section 三(四)): spot checks and patrol
 * inspections with their findings and rectification, acceptance (验收), warranty visits,
 * complaints with their handling, and the counties' self-assessments.
 */
package org.jointworks.inspections;
