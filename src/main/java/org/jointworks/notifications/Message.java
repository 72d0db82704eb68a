package org.jointworks.notifications;

import java.time.Instant;
import java.util.Map;

/**
 * One message in one user's inbox.
 *
 * @param organisation the organisation it was addressed to (null when addressed to the
 *     authority)
 * @param readAt when the user marked it read; null while unread
 */
public record Message(long id, String recipient, String organisation, String kind,
    String subject, Long subjectId, String message, Map<String, Object> args, Instant createdAt,
    Instant readAt) {}
