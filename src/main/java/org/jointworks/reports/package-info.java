/**
 * Monthly information reports of the counties (the plan's section 四(四)): submitted by a planner
 * for a county, valid only once a leader approved them, with late, missing and corrected reports
 * recorded and assessed for the evaluation.
 */
package org.jointworks.reports;
