/**
 * Adjustments of the plan (the plan's section 三(三)): a county swaps communities out of and into
 * its plan; the adjusted plan must not be lower than the original in any of communities,
 * buildings, households, floor area and investment; the housing, development and finance
 * departments' joint filing is recorded and the original plan kept for comparison.
 */
package org.jointworks.adjustments;
