-- The attachment bytes: a BLOB in H2 (no 1 MB cap of BINARY VARYING's default).
ALTER TABLE attachments ADD COLUMN content BLOB NOT NULL;
