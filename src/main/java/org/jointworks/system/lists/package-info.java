/**
 * Large list answers, shared by the features whose lists grow with the data (conflicts,
 * adjacency): cursor pages that are stable for one revision and refuse a stale cursor, summary
 * counts without the list, and the whole list streamed as NDJSON. No Spring beans; the features'
 * controllers call {@link org.jointworks.system.lists.ListAnswers}.
 */
package org.jointworks.system.lists;
