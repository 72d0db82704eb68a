package org.jointworks.comments;

import java.time.Instant;

/**
 * An attachment's description (its bytes are read only when downloaded).
 *
 * @param sha256 hex digest of the content, so a reader can verify a download
 */
record Attachment(long id, String subject, long subjectId, String filename, String mediaType,
    long sizeBytes, String sha256, String uploadedBy, String organisation, Instant createdAt) {}
