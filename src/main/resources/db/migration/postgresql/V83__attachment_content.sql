-- The attachment bytes: BYTEA (up to 1 GB a value; the service's limit is far lower).
ALTER TABLE attachments ADD COLUMN content BYTEA NOT NULL;
