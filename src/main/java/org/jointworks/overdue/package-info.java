/**
 * Overdue notices (issue 13): a scheduled job that tells a county when one of its projects has
 * passed a programme deadline without reaching its milestone, or a monthly report is missing
 * after its due day; once per item and milestone, across restarts and instances.
 */
package org.jointworks.overdue;
