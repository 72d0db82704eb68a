/**
 * Notifications: an in-app inbox per user (addressed to an organisation's users or to the
 * road-works authority), unread counts, and live delivery to the map over server-sent events.
 * Other features publish a {@link org.jointworks.notifications.Notice} inside their write's
 * transaction; nothing here decides who did what, only who hears of it.
 */
package org.jointworks.notifications;
