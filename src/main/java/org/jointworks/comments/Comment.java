package org.jointworks.comments;

import java.time.Instant;

/** One comment on a work or a project: who (and for which organisation), when, what. */
record Comment(long id, String subject, long subjectId, String author, String organisation,
    String body, Instant createdAt) {}
