/**
 * Each county's annual implementation plan (年度实施计划), filed with the city office by 02-25 and
 * approved by it: filing freezes the county's targets and plan projects as the baseline that
 * adjustments are checked against (docs/programme.md, issue 12).
 */
package org.jointworks.countyplans;
