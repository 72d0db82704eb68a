/**
 * Progress of the programme: deadlines and what is overdue, the summary against the plan's table,
 * the districts choropleth, the weighted evaluation of the counties, the printable one-page
 * report, and the sample 2023 programme (docs/programme.md).
 */
package org.jointworks.progress;
